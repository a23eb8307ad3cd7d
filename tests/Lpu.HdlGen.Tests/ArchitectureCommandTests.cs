using System.Text.Json;

namespace Lpu.HdlGen.Tests;

public sealed class ArchitectureCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("lpu-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string TempFile(string name) => Path.Combine(dir, name);

    [Fact]
    public void Config_writes_a_preset_that_config_reads_back()
    {
        var file = TempFile("small.json");
        Assert.Equal(0, Run("config", "--preset", "small", "--out", file).Code);
        using (var doc = JsonDocument.Parse(File.ReadAllText(file)))
        {
            Assert.Equal(2, doc.RootElement.GetProperty("superlanes").GetInt32());
            Assert.Equal(256, doc.RootElement.GetProperty("mem").GetProperty("wordsPerTile").GetInt32());
        }

        var fromFile = Run("config", "--config", file, "--hash");
        var fromPreset = Run("config", "--preset", "small", "--hash");
        Assert.Equal(0, fromFile.Code);
        Assert.Equal(fromPreset.Out, fromFile.Out);
        Assert.Equal(65, fromFile.Out.Length);   // 64 hex digits and a newline
    }

    [Fact]
    public void Invalid_config_file_is_exit_2_with_path_and_rule()
    {
        var file = TempFile("bad.json");
        Run("config", "--preset", "small", "--out", file);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"arraySize\": 8", "\"arraySize\": 12"));
        var r = Run("datasheet", "--config", file);
        Assert.Equal(2, r.Code);
        Assert.Contains("mxm.arraySize: must equal the vector length (8), got 12", r.Err);
    }

    [Fact]
    public void Malformed_config_file_reports_file_line_col()
    {
        var file = TempFile("broken.json");
        File.WriteAllText(file, "{\n  \"superlanes\": ,\n}");
        var r = Run("datasheet", "--config", file);
        Assert.Equal(2, r.Code);
        Assert.Contains($"{file}:2:", r.Err);
        Assert.Contains("malformed JSON", r.Err);
    }

    [Fact]
    public void Preset_and_config_together_or_neither_is_a_usage_error()
    {
        Assert.Equal(2, Run("datasheet", "--preset", "small", "--config", "x.json").Code);
        var r = Run("datasheet");
        Assert.Equal(2, r.Code);
        Assert.Contains("--preset NAME", r.Err);
        Assert.Equal(2, Run("datasheet", "--preset", "nope").Code);
    }

    [Fact]
    public void Datasheet_json_for_tsp_has_the_brief_figures()
    {
        var r = Run("datasheet", "--preset", "tsp", "--json");
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(230_686_720, root.GetProperty("sramBytes").GetInt64());
        Assert.Equal(409_600, root.GetProperty("macsPerCycle").GetInt64());
        Assert.Equal(737.28, root.GetProperty("peakInt8Tops").GetDouble(), 6);
        Assert.Equal(184.32, root.GetProperty("peakFp16Tflops").GetDouble(), 6);
        Assert.Equal(5_120, root.GetProperty("vectorAlus").GetInt64());
        Assert.Equal(56_320, root.GetProperty("sramBytesPerCycle").GetInt64());
        Assert.Equal(20_480, root.GetProperty("streamBytesPerCycle").GetInt64());
        Assert.Equal(144, root.GetProperty("instructionQueues").GetInt32());
        Assert.Equal(900, root.GetProperty("clockMhz").GetInt32());
    }

    [Fact]
    public void Datasheet_text_mentions_the_80_tb_s_claim()
    {
        var r = Run("datasheet", "--preset", "tsp");
        Assert.Equal(0, r.Code);
        Assert.Contains("does not follow", r.Out);
        Assert.Contains("144", r.Out);
    }

    [Fact]
    public void Asm_then_disasm_round_trips()
    {
        var source = TempFile("p.s");
        File.WriteAllText(source, "mem.w.0:\n    read 3, e0\n    repeat 2, 1, 1\nvxm.0:\n    nop 4\n    add.i8 e1, e0, w0\n.data 0 3\n    .bytes 1 2 3 4 5 6 7 8\n");
        var asm = Run("asm", "--preset", "small", source, "--out", TempFile("p.lpu"));
        Assert.Equal(0, asm.Code);
        var dis = Run("disasm", "--preset", "small", TempFile("p.lpu"), "--out", TempFile("q.s"));
        Assert.Equal(0, dis.Code);
        Assert.Equal(0, Run("asm", "--preset", "small", TempFile("q.s")).Code);   // default output q.lpu
        Assert.Equal(File.ReadAllBytes(TempFile("p.lpu")), File.ReadAllBytes(TempFile("q.lpu")));
        Assert.Contains("    add.i8 e1, e0, w0\n", File.ReadAllText(TempFile("q.s")));
    }

    [Fact]
    public void Asm_errors_are_listed_with_locations_and_no_image_is_written()
    {
        var source = TempFile("bad.s");
        File.WriteAllText(source, "mem.w.0:\n    read 300, e0\n    frob\n");
        var r = Run("asm", "--preset", "small", source, "--out", TempFile("bad.lpu"));
        Assert.Equal(2, r.Code);
        Assert.Contains($"{source}:2:10: error: address 300 out of range [0, 256)", r.Err);
        Assert.Contains($"{source}:3:5: error: unknown mnemonic 'frob'", r.Err);
        Assert.False(File.Exists(TempFile("bad.lpu")));
    }

    [Fact]
    public void Disasm_of_a_missing_or_foreign_image_is_exit_2()
    {
        Assert.Equal(2, Run("disasm", "--preset", "small", TempFile("none.lpu")).Code);
        File.WriteAllBytes(TempFile("junk.lpu"), [1, 2, 3]);
        var r = Run("disasm", "--preset", "small", TempFile("junk.lpu"));
        Assert.Equal(2, r.Code);
        Assert.Contains("image truncated", r.Err);
    }
}
