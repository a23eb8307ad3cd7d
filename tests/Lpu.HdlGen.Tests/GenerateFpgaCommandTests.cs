using Lpu.Testing;

namespace Lpu.HdlGen.Tests;

/// <summary><c>hdl-gen generate --fpga</c>: the wrapper's Verilog and the board constraints in one folder.</summary>
public sealed class GenerateFpgaCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void GenerateFpgaWritesTheWrapperAndTheBoardConstraints()
    {
        using var dir = new TempDir("hdlgen-fpga");
        var outDir = dir["ice40"];
        var (code, output, error) = Run("generate", "--preset", "ice40", "--fpga", "ice40-hx8k-breakout", "--out", outDir);
        Assert.True(code == 0, error);
        Assert.Contains("1000000 baud", output);
        foreach (var file in new[] { "lpu_fpga_top.v", "lpu_host_link.v", "lpu_top.v", "lpu_fpga_top.f", "lpu_fpga_top.pcf", "lpu_fpga_top.clocks.py" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        Assert.Contains("set_io uart_rx B10", File.ReadAllText(Path.Combine(outDir, "lpu_fpga_top.pcf")));
    }

    [Fact]
    public void ConstraintsCanGoToTheirOwnFolder()
    {
        using var dir = new TempDir("hdlgen-fpga");
        var (code, _, error) = Run("generate", "--preset", "ice40", "--fpga", "ice40-hx8k-breakout", "--out", dir["rtl"], "--constraints", dir["pins"]);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(dir["rtl"], "lpu_fpga_top.v")));
        Assert.False(File.Exists(Path.Combine(dir["rtl"], "lpu_fpga_top.pcf")));
        Assert.Equal(["lpu_fpga_top.clocks.py", "lpu_fpga_top.pcf"], Directory.GetFiles(dir["pins"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnUnknownBoardOrAClockOffTheOscillatorIsOneClearError()
    {
        using var dir = new TempDir("hdlgen-fpga");
        var (code, _, error) = Run("generate", "--preset", "ice40", "--fpga", "de10", "--out", dir["x"]);
        Assert.Equal(2, code);
        Assert.Contains("unknown board 'de10' (known: ice40-hx8k-breakout)", error);
        (code, _, error) = Run("generate", "--preset", "medium", "--fpga", "ice40-hx8k-breakout", "--out", dir["y"]);
        Assert.Equal(2, code);
        Assert.Contains("configuration's clock is 200 MHz", error);
        Assert.False(Directory.Exists(dir["y"]));
    }
}
