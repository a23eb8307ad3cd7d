using System.Text;

namespace Lpu.Hdl.Verilog;

/// <summary>
/// The legal, unique Verilog name of every named thing of one module. Names are legalized (characters
/// outside <c>[A-Za-z0-9_]</c> become <c>_</c>, a leading digit gets <c>n_</c>, keywords get a trailing
/// <c>_</c>) and made unique with <c>_1</c>, <c>_2</c>, ... in the order they are asked for, so the same
/// design always gets the same names. Immutable once emission starts reading it, except for temporaries.
/// </summary>
internal sealed class NameTable
{
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly Dictionary<object, string> names = new(ReferenceEqualityComparer.Instance);

    public string this[object thing] => names[thing];

    public string Add(object thing, string desired)
    {
        var name = Unique(desired);
        names.Add(thing, name);
        return name;
    }

    public string Unique(string desired)
    {
        // Suffixes go on the sanitized name before keyword escaping: "cell" -> "cell_", then "cell_1".
        var name = Legalize(desired);
        for (var n = 1; !taken.Add(name); n++)
        {
            name = Legalize($"{desired}_{n}");
        }

        return name;
    }

    public static string Legalize(string desired)
    {
        var text = new StringBuilder(desired.Length + 2);
        foreach (var c in desired)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, "n_");
        }

        var name = text.ToString();
        return Keywords.IsReserved(name) ? name + "_" : name;
    }
}
