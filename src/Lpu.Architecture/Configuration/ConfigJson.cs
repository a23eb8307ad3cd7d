using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Configuration;

/// <summary>
/// JSON form of <see cref="LpuConfig"/>: strict loading (unknown or missing fields, wrong types and
/// broken rules are <see cref="ConfigException"/>s naming the JSON path; malformed JSON names
/// file:line:col), canonical writing (fixed key order) and the configuration hash.
/// </summary>
public static class ConfigJson
{
    /// <summary>Pretty JSON with keys in the order of architecture.md §1 and a final newline.</summary>
    public static string ToJson(LpuConfig config) => Write(config, indented: true) + "\n";

    /// <summary>Compact canonical JSON (the hashed form).</summary>
    public static string ToCanonicalJson(LpuConfig config) => Write(config, indented: false);

    /// <summary>SHA-256 of the UTF-8 canonical JSON, 64 lowercase hex digits.</summary>
    public static string Hash(LpuConfig config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson(config))));

    /// <summary>Reads and validates a configuration file.</summary>
    public static LpuConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, $"cannot read: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Writes the configuration as pretty JSON.</summary>
    public static void Save(LpuConfig config, string path) => File.WriteAllText(path, ToJson(config));

    /// <summary>Parses and validates JSON text; <paramref name="source"/> names it in errors.</summary>
    public static LpuConfig Parse(string json, string source = "<json>")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var col = (e.BytePositionInLine ?? 0) + 1;
            throw new ConfigException($"{source}:{line}:{col}", "malformed JSON");
        }

        using (doc)
        {
            var config = Read(new JsonFields(doc.RootElement, ""));
            config.Validate();
            return config;
        }
    }

    private static LpuConfig Read(JsonFields root)
    {
        var mem = root.Object("mem");
        var vxm = root.Object("vxm");
        var mxm = root.Object("mxm");
        var sxm = root.Object("sxm");
        var icu = root.Object("icu");
        var config = new LpuConfig(
            root.Int("superlanes"),
            root.Int("lanesPerSuperlane"),
            root.Int("streamsPerDirection"),
            new MemConfig(mem.Int("slicesPerHemisphere"), mem.Int("wordsPerTile"), mem.Int("banks"), mem.Bool("ecc")),
            new VxmConfig(
                vxm.Int("alusPerLane"),
                vxm.Names<DataType>("dataTypes", DataTypes.TryParse, "a data type (i8 i16 i32 f16 f32)")!,
                vxm.Names<VxmOp>("ops", VxmOps.TryParse, "a VXM operation", allowNull: true)),
            new MxmConfig(mxm.Int("planes"), mxm.Int("arraySize"), mxm.Int("accumulators")),
            new SxmConfig(sxm.Int("shifters"), sxm.Int("permuters"), sxm.Int("distributors"), sxm.Int("rotators"),
                sxm.Int("transposers"), sxm.Int("mapTableDepth")),
            new IcuConfig(icu.Int("queueDepth")),
            root.Int("clockMhz"));
        foreach (var o in new[] { mem, vxm, mxm, sxm, icu, root })
            o.RejectUnknown();
        return config;
    }

    private static string Write(LpuConfig c, bool indented)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteNumber("superlanes", c.Superlanes);
            w.WriteNumber("lanesPerSuperlane", c.LanesPerSuperlane);
            w.WriteNumber("streamsPerDirection", c.StreamsPerDirection);
            w.WriteStartObject("mem");
            w.WriteNumber("slicesPerHemisphere", c.Mem.SlicesPerHemisphere);
            w.WriteNumber("wordsPerTile", c.Mem.WordsPerTile);
            w.WriteNumber("banks", c.Mem.Banks);
            w.WriteBoolean("ecc", c.Mem.Ecc);
            w.WriteEndObject();
            w.WriteStartObject("vxm");
            w.WriteNumber("alusPerLane", c.Vxm.AlusPerLane);
            w.WriteStartArray("dataTypes");
            foreach (var t in c.Vxm.DataTypes)
                w.WriteStringValue(DataTypes.Name(t));
            w.WriteEndArray();
            if (c.Vxm.Ops is null)
            {
                w.WriteNull("ops");
            }
            else
            {
                w.WriteStartArray("ops");
                foreach (var op in c.Vxm.Ops)
                    w.WriteStringValue(VxmOps.Name(op));
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteStartObject("mxm");
            w.WriteNumber("planes", c.Mxm.Planes);
            w.WriteNumber("arraySize", c.Mxm.ArraySize);
            w.WriteNumber("accumulators", c.Mxm.Accumulators);
            w.WriteEndObject();
            w.WriteStartObject("sxm");
            w.WriteNumber("shifters", c.Sxm.Shifters);
            w.WriteNumber("permuters", c.Sxm.Permuters);
            w.WriteNumber("distributors", c.Sxm.Distributors);
            w.WriteNumber("rotators", c.Sxm.Rotators);
            w.WriteNumber("transposers", c.Sxm.Transposers);
            w.WriteNumber("mapTableDepth", c.Sxm.MapTableDepth);
            w.WriteEndObject();
            w.WriteStartObject("icu");
            w.WriteNumber("queueDepth", c.Icu.QueueDepth);
            w.WriteEndObject();
            w.WriteNumber("clockMhz", c.ClockMhz);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
