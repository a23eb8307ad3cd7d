using System.Text.Json;
using Lpu.Architecture.Configuration;

namespace Lpu.Architecture.Tests;

public class DatasheetTests
{
    [Fact]
    public void Tsp_figures_equal_the_design_brief()
    {
        var d = Datasheet.Of(Presets.Get("tsp"));
        Assert.Equal(230_686_720L, d.SramBytes);          // 220 MiB
        Assert.Equal(409_600L, d.MacsPerCycle);           // 4 x 320 x 320
        Assert.Equal(737.28, d.PeakInt8Tops, 6);          // 409,600 x 2 x 0.9 GHz
        Assert.Equal(184.32, d.PeakFp16Tflops, 6);        // a quarter
        Assert.Equal(5_120L, d.VectorAlus);
        Assert.Equal(56_320L, d.SramBytesPerCycle);       // 88 x 2 x 320
        Assert.Equal(20_480L, d.StreamBytesPerCycle);     // 2 x 32 x 320
        Assert.Equal(144, d.InstructionQueues);
        Assert.Equal(900, d.ClockMhz);
    }

    [Fact]
    public void Json_has_exactly_the_documented_keys()
    {
        using var doc = JsonDocument.Parse(Datasheet.Of(Presets.Get("tsp")).ToJson());
        Assert.Equal(
            ["sramBytes", "macsPerCycle", "peakInt8Tops", "peakFp16Tflops", "vectorAlus", "sramBytesPerCycle", "streamBytesPerCycle", "instructionQueues", "clockMhz"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(230686720, doc.RootElement.GetProperty("sramBytes").GetInt64());
        Assert.Equal(737.28, doc.RootElement.GetProperty("peakInt8Tops").GetDouble(), 6);
    }

    [Fact]
    public void Text_says_80_tb_s_does_not_follow()
    {
        var text = Datasheet.Of(Presets.Get("tsp")).ToText();
        Assert.Contains("230,686,720 B (220 MiB)", text);
        Assert.Contains("737.28 TOPS at 900 MHz", text);
        Assert.Contains("56,320 B/cycle (50.69 TB/s)", text);
        Assert.Contains("\"80 TB/s\" on-chip bandwidth does not follow", text);
    }

    [Fact]
    public void Small_figures_keep_readable_units_and_no_tsp_note()
    {
        var text = Datasheet.Of(Presets.Get("small")).ToText();
        Assert.Contains("12.8 GOPS at 100 MHz", text);          // 2 x 64 MACs x 100 MHz
        Assert.Contains("3.2 GFLOPS", text);
        Assert.Contains("128 B/cycle (12.8 GB/s)", text);      // 8 slices x 2 banks x 8 B x 100 MHz
        Assert.DoesNotContain("80 TB/s", text);
    }

    [Fact]
    public void Ice40_has_no_macs()
    {
        var d = Datasheet.Of(Presets.Get("ice40"));
        Assert.Equal(0, d.MacsPerCycle);
        Assert.Equal(4, d.VectorAlus);                     // 4 lanes x 1 ALU
        Assert.Equal(2L * 1024 * 4, d.SramBytes);
    }
}
