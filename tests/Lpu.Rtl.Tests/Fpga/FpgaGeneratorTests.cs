using Lpu.Architecture.Configuration;
using Lpu.Rtl.Fpga;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Fpga;

/// <summary>The generated wrapper and constraints: lint-clean in every tool, deterministic, the board's pins,
/// and one clear error for a configuration or baud rate the board cannot run.</summary>
public sealed class FpgaGeneratorTests
{
    private static readonly LpuConfig Ice40 = Presets.Get("ice40");

    [Fact]
    public void TheWrapperPassesVerilatorIcarusAndYosys()
    {
        var design = FpgaGenerator.Generate(Ice40);
        Assert.Equal("lpu_fpga_top", design.Top);
        HdlToolchain.CheckAll(design.Verilog);
    }

    [Fact]
    public void OutputIsByteIdenticalAcrossRuns()
    {
        var a = FpgaGenerator.Generate(Ice40);
        var b = FpgaGenerator.Generate(Ice40);
        Assert.Equal(a.Verilog.Files.Concat(a.Constraints).Select(f => (f.Name, f.Text)), b.Verilog.Files.Concat(b.Constraints).Select(f => (f.Name, f.Text)));
    }

    [Fact]
    public void ConstraintsPlaceTheClockUartAndLedsOnTheBreakoutBoardPins()
    {
        var design = FpgaGenerator.Generate(Ice40);
        var pcf = design.Constraints.Single(f => f.Name == "lpu_fpga_top.pcf").Text.Split('\n');
        // iCE40-HX8K Breakout Board: 12 MHz oscillator on J3, FTDI UART on B10 (to the FPGA) and B12, LEDs D2-D9.
        Assert.Contains("set_io clk J3", pcf);
        Assert.Contains("set_io uart_rx B10", pcf);
        Assert.Contains("set_io uart_tx B12", pcf);
        Assert.Contains("set_io led[0] B5", pcf);
        Assert.Contains("set_io led[7] C3", pcf);
        Assert.Contains("ctx.addClock(\"clk\", 12)", design.Constraints.Single(f => f.Name == "lpu_fpga_top.clocks.py").Text);
    }

    [Fact]
    public void TheBaudRateIsTheFastestStandardRateTheClockDivides()
    {
        Assert.Equal((1_000_000, 12), FpgaGenerator.ChooseBaud(12_000_000, null));
        Assert.Equal((115_200, 104), FpgaGenerator.ChooseBaud(12_000_000, 115_200));
        Assert.Equal((3_000_000, 16), FpgaGenerator.ChooseBaud(48_000_000, null));
        Assert.Contains("at least 8 clocks per bit", Assert.Throws<ArgumentException>(() => FpgaGenerator.ChooseBaud(12_000_000, 3_000_000)).Message);
    }

    [Fact]
    public void AConfigurationClockedOffTheBoardOscillatorIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => FpgaGenerator.Generate(Presets.Get("small")));
        Assert.Contains("12 MHz oscillator", e.Message);
        Assert.Contains("100 MHz", e.Message);
    }
}
