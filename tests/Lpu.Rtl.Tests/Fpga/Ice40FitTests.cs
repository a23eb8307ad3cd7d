using System.Globalization;
using System.Text.RegularExpressions;
using Lpu.Architecture.Configuration;
using Lpu.Rtl.Fpga;
using Lpu.Rtl.Tests.Scheduling;
using Lpu.Testing;
using Xunit.Abstractions;

namespace Lpu.Rtl.Tests.Fpga;

/// <summary>
/// The real fit check of the <c>ice40</c> preset: Yosys <c>synth_ice40</c>, <c>nextpnr-ice40 --hx8k
/// --package ct256</c> with the generated pin and clock constraints, and <c>icepack</c>. The design must
/// place and route within the device and meet the preset's clock. Placement is by wire length only
/// (<c>--no-tmdriv</c>): Fmax is over twice the 12 MHz clock either way, and at 96% full the router
/// finished sooner on such placements for two of the three seeds measured (docs/rtl.md "Why
/// <c>--no-tmdriv</c>").
/// </summary>
[Collection(PlaceAndRoute.Name)]
public sealed partial class Ice40FitTests(ITestOutputHelper log)
{
    private const int DeviceLogicCells = 7680;
    private const int DeviceBlockRams = 32;

    [Fact]
    public void TheIce40PresetPlacesAndRoutesOnAnHx8kAndMeetsItsClock()
    {
        var config = Presets.Get("ice40");
        var design = FpgaGenerator.Generate(config);
        using var dir = new TempDir("fpga-fit");
        design.WriteTo(dir.Path);
        var files = design.Verilog.Modules.Select(m => m.Name);

        var timer = System.Diagnostics.Stopwatch.StartNew();
        Tools.Yosys(dir.Path, files, $"synth_ice40 -top {design.Top} -json {design.Top}.json");
        var synthSeconds = timer.Elapsed.TotalSeconds;
        var pnr = Tools.Run("nextpnr-ice40",
            ["--" + design.Board.Device, "--package", design.Board.Package, "--pcf", design.PinFile, "--pre-pack", design.ClockFile,
             "--json", design.Top + ".json", "--asc", design.Top + ".asc", "--seed", "1", "--no-tmdriv"],
            dir.Path, timeoutSeconds: 3600).EnsureSuccess();   // routing at 94% is slow on a loaded machine
        var pnrSeconds = timer.Elapsed.TotalSeconds - synthSeconds;
        var pack = Tools.Run("icepack", [design.Top + ".asc", design.Top + ".bin"], dir.Path).EnsureSuccess();
        Assert.True(new FileInfo(Path.Combine(dir.Path, design.Top + ".bin")).Length > 0, pack.Output);

        var cells = Used(pnr.Output, "ICESTORM_LC");
        var rams = Used(pnr.Output, "ICESTORM_RAM");
        var fmax = Fmax(pnr.Output);
        log.WriteLine($"logic cells {cells}/{DeviceLogicCells}, block RAMs {rams}/{DeviceBlockRams}, Fmax {fmax:0.00} MHz " +
            $"(clock {config.ClockMhz} MHz); synth {synthSeconds:0} s, place and route {pnrSeconds:0} s");
        Assert.InRange(cells, 1, DeviceLogicCells);
        Assert.InRange(rams, 1, DeviceBlockRams);
        Assert.True(fmax >= config.ClockMhz, $"Fmax {fmax:0.00} MHz is below the preset's {config.ClockMhz} MHz");
    }

    /// <summary>The "used" count of a resource from nextpnr's final utilisation report.</summary>
    private static int Used(string output, string resource)
    {
        var matches = UsageLine().Matches(output).Where(m => m.Groups[1].Value == resource).ToList();
        Assert.True(matches.Count > 0, $"nextpnr printed no utilisation of {resource}:\n{output}");
        return int.Parse(matches[^1].Groups[2].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The last "Max frequency for clock" line: the figure after routing.</summary>
    private static double Fmax(string output)
    {
        var matches = FmaxLine().Matches(output);
        Assert.True(matches.Count > 0, $"nextpnr printed no Fmax:\n{output}");
        return double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(ICESTORM_\w+):\s+(\d+)/\s*(\d+)")]
    private static partial Regex UsageLine();

    [GeneratedRegex(@"Max frequency for clock\s+'[^']*':\s+([\d.]+) MHz")]
    private static partial Regex FmaxLine();
}

/// <summary>Place and route takes minutes of one core (routing at 95% of the device): started first.</summary>
[CollectionDefinition(Name)]
[StartFirst]
public sealed class PlaceAndRoute
{
    public const string Name = "Place and route";
}
