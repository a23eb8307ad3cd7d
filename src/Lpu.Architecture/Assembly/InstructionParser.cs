using System.Globalization;
using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Assembly;

/// <summary>
/// Parses one instruction line into an <see cref="Instruction"/> and the column of each field
/// (type fields take the column of their mnemonic suffix). Reports syntax errors through a callback.
/// </summary>
internal static class InstructionParser
{
    public static (Instruction Instruction, int[] Columns)? Parse(List<Token> tokens, Action<int, string> error)
    {
        var head = tokens[0];
        var spec = InstructionSet.ByMnemonic(head.Text);
        var suffixes = new List<Token>();
        if (spec is null || spec.Fields.Any(f => f.Kind == OperandKind.Type))
        {
            var parts = head.Text.Split('.');
            spec = InstructionSet.ByMnemonic(parts[0]);
            var column = head.Column + parts[0].Length + 1;
            foreach (var part in parts.Skip(1))
            {
                suffixes.Add(new Token(part, column));
                column += part.Length + 1;
            }

            if (spec is null)
            {
                error(head.Column, $"unknown mnemonic '{head.Text}'");
                return null;
            }
        }

        var typeFields = spec.Fields.Where(f => f.Kind == OperandKind.Type).ToList();
        if (suffixes.Count != typeFields.Count)
        {
            var form = spec.Mnemonic + string.Concat(typeFields.Select(f => "." + f.Name));
            error(head.Column, typeFields.Count == 0
                ? $"{spec.Mnemonic} takes no type suffix"
                : $"{spec.Mnemonic} is written {form} with types from i8 i16 i32 f16 f32");
            return null;
        }

        var operandFields = spec.Fields.Where(f => f.Kind != OperandKind.Type).ToList();
        var operands = tokens.Skip(1).ToList();
        var required = operandFields.Count(f => f.Default is null);
        if (operands.Count < required)
        {
            var names = string.Join(", ", operandFields.Select(f => f.Name));
            var count = required == operandFields.Count ? $"{required}" : $"{required} to {operandFields.Count}";
            error(head.Column, $"{spec.Mnemonic} expects {count} operands ({names}), got {operands.Count}");
            return null;
        }

        if (operands.Count > operandFields.Count)
        {
            error(operands[operandFields.Count].Column, $"unexpected operand '{operands[operandFields.Count].Text}': {spec.Mnemonic} takes {operandFields.Count}");
            return null;
        }

        var values = new long[spec.Fields.Count];
        var columns = new int[spec.Fields.Count + 1];
        columns[0] = head.Column;
        int typeIndex = 0, operandIndex = 0;
        var ok = true;
        for (var i = 0; i < spec.Fields.Count; i++)
        {
            var f = spec.Fields[i];
            if (f.Kind != OperandKind.Type && operandIndex >= operands.Count)
            {
                // A trailing optional operand left out: its default, located at the mnemonic.
                values[i] = f.Default!.Value;
                columns[i + 1] = head.Column;
                continue;
            }

            var token = f.Kind == OperandKind.Type ? suffixes[typeIndex++] : operands[operandIndex++];
            columns[i + 1] = token.Column;
            var (value, message) = Value(f, token.Text);
            if (message is not null)
            {
                error(token.Column, message);
                ok = false;
            }

            values[i] = value;
        }

        return ok ? (new Instruction(spec, values), columns) : null;
    }

    private static (long Value, string? Error) Value(OperandField f, string text)
    {
        switch (f.Kind)
        {
            case OperandKind.Type:
                return DataTypes.TryParse(text, out var t) ? ((long)t, null) : (0, $"unknown data type '{text}' (i8 i16 i32 f16 f32)");
            case OperandKind.StreamRead or OperandKind.StreamWrite:
                return TryStream(text, out var s) ? (s.Code, null) : (0, $"bad stream '{text}' for {f.Name}: expected e<n> or w<n>");
            case OperandKind.Mode:
                return text switch
                {
                    "set" => (0, null),
                    "add" => (1, null),
                    _ => (0, $"bad mode '{text}': expected set or add"),
                };
            default:
                if (!TryNumber(text, out var v))
                    return (0, $"bad number '{text}' for {f.Name}");
                return v < f.Min || v > f.Max ? (0, $"{f.Name} = {v} does not fit its {f.Width}-bit field [{f.Min}, {f.Max}]") : (v, null);
        }
    }

    public static bool TryStream(string text, out StreamRef stream)
    {
        stream = default;
        if (text.Length < 2 || (text[0] != 'e' && text[0] != 'w') || !text[1..].All(char.IsAsciiDigit) || text.Length > 4)
            return false;
        var index = int.Parse(text[1..], CultureInfo.InvariantCulture);
        if (index > 63)
            return false;
        stream = new StreamRef(text[0] == 'e' ? Direction.East : Direction.West, index);
        return true;
    }

    public static bool TryNumber(string text, out long value)
    {
        value = 0;
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        bool ok;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            ok = long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && body.Length > 2;
        else
            ok = body.Length > 0 && body.All(char.IsAsciiDigit) && long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok)
        {
            value = 0;
            return false;
        }

        value = negative ? -value : value;
        return true;
    }
}
