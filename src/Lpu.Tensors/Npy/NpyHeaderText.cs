using System.Globalization;

namespace Lpu.Tensors.Npy;

/// <summary>
/// The header of a .npy file is a Python dict literal, e.g.
/// <c>{'descr': '&lt;i4', 'fortran_order': False, 'shape': (3, 4), }</c>. This parses exactly
/// that subset (strings, True/False, tuples of integers) and writes it back.
/// </summary>
internal sealed class NpyHeaderText
{
    private readonly string text;
    private readonly string fileName;
    private int pos;

    private NpyHeaderText(string text, string fileName)
    {
        this.text = text;
        this.fileName = fileName;
    }

    public static string Descr(NpyDType dtype) => dtype switch
    {
        NpyDType.Int8 => "|i1",
        NpyDType.UInt8 => "|u1",
        NpyDType.Int32 => "<i4",
        _ => "<f4",
    };

    public static string Name(NpyDType dtype) => dtype switch
    {
        NpyDType.Int8 => "int8",
        NpyDType.UInt8 => "uint8",
        NpyDType.Int32 => "int32",
        _ => "float32",
    };

    public static string FormatShape(IReadOnlyList<int> shape) => shape.Count == 1
        ? $"({shape[0]},)"
        : $"({string.Join(", ", shape)})";

    public static string Format(NpyHeader header) =>
        $"{{'descr': '{Descr(header.DType)}', 'fortran_order': False, 'shape': {FormatShape(header.Shape)}, }}";

    public static NpyHeader Parse(string text, string fileName) => new NpyHeaderText(text, fileName).ParseDict();

    private NpyHeader ParseDict()
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        Expect('{');
        while (Peek() != '}')
        {
            var key = ParseString();
            Expect(':');
            if (!values.TryAdd(key, ParseValue()))
            {
                throw Error($"the header repeats the key '{key}'");
            }

            if (Peek() != ',')
            {
                break;
            }

            pos++;
        }

        Expect('}');
        if (Peek() != '\0')
        {
            throw Error($"unexpected text after the header dict at offset {pos}");
        }

        foreach (var key in values.Keys)
        {
            if (key is not ("descr" or "fortran_order" or "shape"))
            {
                throw Error($"unexpected header key '{key}' (a .npy header has descr, fortran_order and shape)");
            }
        }

        if (values.GetValueOrDefault("descr") is not string descr)
        {
            throw Error("the header has no descr string (structured dtypes are not supported)");
        }

        if (values.GetValueOrDefault("fortran_order") is not bool fortran)
        {
            throw Error("the header has no fortran_order True/False");
        }

        if (values.GetValueOrDefault("shape") is not List<long> shape)
        {
            throw Error("the header has no shape tuple");
        }

        var dtype = ParseDescr(descr);
        if (fortran)
        {
            throw Error("the array is in Fortran order; only C order is supported (save np.ascontiguousarray(a))");
        }

        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
            if (d > int.MaxValue || count > Array.MaxLength)
            {
                throw Error($"shape ({string.Join(", ", shape)}) is too large for one array");
            }
        }

        return new NpyHeader(dtype, shape.Select(d => (int)d).ToArray());
    }

    private NpyDType ParseDescr(string descr) => descr switch
    {
        "|i1" or "<i1" or ">i1" or "i1" => NpyDType.Int8,
        "|u1" or "<u1" or ">u1" or "u1" => NpyDType.UInt8,
        "<i4" => NpyDType.Int32,
        "<f4" => NpyDType.Float32,
        _ => throw Error($"unsupported dtype '{descr}' (supported: |i1 int8, |u1 uint8, <i4 int32, <f4 float32)"),
    };

    private object ParseValue()
    {
        var c = Peek();
        if (c is '\'' or '"')
        {
            return ParseString();
        }

        if (c == '(')
        {
            return ParseTuple();
        }

        var word = ParseWord();
        if (word.Length == 0)
        {
            throw Error(c == '\0' ? "malformed header: a value is missing at the end" : $"malformed header: unexpected '{c}' at offset {pos}");
        }

        return word switch
        {
            "True" => true,
            "False" => false,
            _ => throw Error($"unexpected value '{word}' in the header at offset {pos}"),
        };
    }

    private List<long> ParseTuple()
    {
        Expect('(');
        var items = new List<long>();
        while (Peek() != ')')
        {
            var word = ParseWord().TrimEnd('L'); // Python 2 wrote long integers as 3L
            if (!long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                throw Error($"shape dimension '{word}' is not a non-negative integer");
            }

            items.Add(d);
            if (Peek() != ',')
            {
                break;
            }

            pos++;
        }

        Expect(')');
        return items;
    }

    private string ParseString()
    {
        var quote = Peek();
        if (quote is not ('\'' or '"'))
        {
            throw Error($"expected a quoted string in the header at offset {pos}");
        }

        var end = text.IndexOf(quote, pos + 1);
        if (end < 0)
        {
            throw Error("unterminated string in the header");
        }

        var s = text[(pos + 1)..end];
        pos = end + 1;
        return s;
    }

    private string ParseWord()
    {
        Peek();
        var start = pos;
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '-' or '+' or '_'))
        {
            pos++;
        }

        return text[start..pos];
    }

    // The next non-blank character, or '\0' at the end; the position is left on it.
    private char Peek()
    {
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\n' or '\r')
        {
            pos++;
        }

        return pos < text.Length ? text[pos] : '\0';
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error(pos < text.Length
                ? $"malformed header: expected '{c}' at offset {pos}, found '{text[pos]}'"
                : $"malformed header: expected '{c}', found the end");
        }

        pos++;
    }

    private InvalidDataException Error(string problem) => NpyErrors.Create(fileName, problem);
}
