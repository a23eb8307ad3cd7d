using System.Text.Json;

namespace Lpu.Architecture.Configuration;

/// <summary>Strict reader of one JSON object: typed required fields, errors by JSON path, unknown keys rejected.</summary>
internal sealed class JsonFields
{
    private readonly JsonElement element;
    private readonly string path;
    private readonly HashSet<string> used = [];

    public JsonFields(JsonElement element, string path)
    {
        this.element = element;
        this.path = path;
        if (element.ValueKind != JsonValueKind.Object)
            throw new ConfigException(path.Length == 0 ? "$" : path, $"must be an object, got {Kind(element)}");
        var seen = new HashSet<string>();
        foreach (var p in element.EnumerateObject())
        {
            if (!seen.Add(p.Name))
                throw new ConfigException(Child(p.Name), "duplicate field");
        }
    }

    public int Int(string name)
    {
        var e = Get(name);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v))
            throw new ConfigException(Child(name), $"must be an integer, got {Kind(e)} {e.GetRawText()}");
        return v;
    }

    public bool Bool(string name)
    {
        var e = Get(name);
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ConfigException(Child(name), $"must be true or false, got {Kind(e)}"),
        };
    }

    public JsonFields Object(string name) => new(Get(name), Child(name));

    public delegate bool TryParse<T>(string text, out T value);

    public List<T>? Names<T>(string name, TryParse<T> parse, string what, bool allowNull = false)
    {
        var e = Get(name);
        if (allowNull && e.ValueKind == JsonValueKind.Null)
            return null;
        if (e.ValueKind != JsonValueKind.Array)
            throw new ConfigException(Child(name), $"must be an array{(allowNull ? " or null" : "")}, got {Kind(e)}");
        var list = new List<T>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var itemPath = $"{Child(name)}[{i}]";
            if (item.ValueKind != JsonValueKind.String)
                throw new ConfigException(itemPath, $"must be a string, got {Kind(item)}");
            if (!parse(item.GetString()!, out var v))
                throw new ConfigException(itemPath, $"must be {what}, got \"{item.GetString()}\"");
            list.Add(v);
            i++;
        }

        return list;
    }

    public void RejectUnknown()
    {
        foreach (var p in element.EnumerateObject())
        {
            if (!used.Contains(p.Name))
                throw new ConfigException(Child(p.Name), "unknown field");
        }
    }

    private JsonElement Get(string name)
    {
        used.Add(name);
        return element.TryGetProperty(name, out var e) ? e : throw new ConfigException(Child(name), "missing required field");
    }

    private string Child(string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
