using Lpu.Architecture.Configuration;

namespace Lpu.Architecture.Tests;

public class ConfigJsonTests
{
    [Fact]
    public void Presets_round_trip_through_json()
    {
        foreach (var name in Presets.Names)
        {
            var c = Presets.Get(name);
            Assert.Equal(c, ConfigJson.Parse(ConfigJson.ToJson(c)));
        }
    }

    [Fact]
    public void Json_uses_the_keys_of_the_contract_in_order()
    {
        var json = ConfigJson.ToCanonicalJson(Presets.Get("small"));
        Assert.Equal(
            "{\"superlanes\":2,\"lanesPerSuperlane\":4,\"streamsPerDirection\":8," +
            "\"mem\":{\"slicesPerHemisphere\":4,\"wordsPerTile\":256,\"banks\":2,\"ecc\":true}," +
            "\"vxm\":{\"alusPerLane\":4,\"dataTypes\":[\"i8\",\"i16\",\"i32\",\"f16\",\"f32\"],\"ops\":null}," +
            "\"mxm\":{\"planes\":1,\"arraySize\":8,\"accumulators\":16}," +
            "\"sxm\":{\"shifters\":1,\"permuters\":1,\"distributors\":1,\"rotators\":1,\"transposers\":1,\"mapTableDepth\":4}," +
            "\"icu\":{\"queueDepth\":256},\"clockMhz\":100}",
            json);
    }

    [Fact]
    public void Hash_is_sha256_of_the_canonical_json()
    {
        var c = Presets.Get("small");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(ConfigJson.ToCanonicalJson(c))));
        Assert.Equal(expected, ConfigJson.Hash(c));
        Assert.Equal(64, expected.Length);
        Assert.NotEqual(ConfigJson.Hash(c), ConfigJson.Hash(c with { ClockMhz = 101 }));
    }

    [Fact]
    public void Array_size_rule_names_path_and_values()
    {
        var json = ConfigJson.ToJson(Presets.Get("small")).Replace("\"arraySize\": 8", "\"arraySize\": 12");
        var e = Assert.Throws<ConfigException>(() => ConfigJson.Parse(json));
        Assert.Equal("mxm.arraySize: must equal the vector length (8), got 12", e.Message);
    }

    [Theory]
    [InlineData("\"banks\": 2", "\"banks\": 2, \"extra\": 1", "mem.extra: unknown field")]
    [InlineData("\"wordsPerTile\": 256", "\"wordsPerTile\": 100", "mem.wordsPerTile: must be a power of two, got 100")]
    [InlineData("\"wordsPerTile\": 256,", "", "mem.wordsPerTile: missing required field")]
    [InlineData("\"superlanes\": 2", "\"superlanes\": \"2\"", "superlanes: must be an integer, got a string \"2\"")]
    [InlineData("\"ecc\": true", "\"ecc\": 1", "mem.ecc: must be true or false, got a number")]
    [InlineData("\"i16\"", "\"i7\"", "vxm.dataTypes[1]: must be a data type (i8 i16 i32 f16 f32), got \"i7\"")]
    [InlineData("\"ops\": null", "\"ops\": [\"add\", \"add\"]", "vxm.ops[1]: duplicate operation add")]
    [InlineData("\"planes\": 1", "\"planes\": -1", "mxm.planes: must be in [0, 16], got -1")]
    [InlineData("\"clockMhz\": 100", "\"clockMhz\": 100, \"name\": \"x\"", "name: unknown field")]
    public void Invalid_values_are_rejected_with_path_and_rule(string from, string to, string message)
    {
        var json = ConfigJson.ToJson(Presets.Get("small"));
        Assert.Contains(from, json);
        var e = Assert.Throws<ConfigException>(() => ConfigJson.Parse(json.Replace(from, to)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Malformed_json_reports_file_line_col()
    {
        // Line 3 has the stray token at column 17 (1-based).
        var json = "{\n  \"superlanes\": 2,\n  \"lanes\": 4 x\n}";
        var e = Assert.Throws<ConfigException>(() => ConfigJson.Parse(json, "cfg.json"));
        Assert.StartsWith("cfg.json:3:", e.Message);
        Assert.Contains("malformed JSON", e.Message);
    }

    [Fact]
    public void Load_and_save_via_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lpu-cfg-{Guid.NewGuid():N}.json");
        try
        {
            ConfigJson.Save(Presets.Get("medium"), path);
            Assert.Equal(Presets.Get("medium"), ConfigJson.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
