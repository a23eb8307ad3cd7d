namespace Lpu.Architecture.Assembly;

/// <summary>A word of a source line and its 1-based column.</summary>
internal readonly record struct Token(string Text, int Column)
{
    /// <summary>Splits a line at whitespace and commas, dropping a <c>;</c> comment.</summary>
    public static List<Token> Split(string line)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length && line[i] != ';')
        {
            if (char.IsWhiteSpace(line[i]) || line[i] == ',')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] != ',' && line[i] != ';')
                i++;
            tokens.Add(new Token(line[start..i], start + 1));
        }

        return tokens;
    }
}
