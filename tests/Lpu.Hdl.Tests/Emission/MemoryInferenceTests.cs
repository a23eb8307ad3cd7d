using System.Text.RegularExpressions;
using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;
using Lpu.Testing;

namespace Lpu.Hdl.Tests.Emission;

public partial class MemoryInferenceTests
{
    [Fact]
    public void Yosys_keeps_the_fifo_memory_as_a_memory()
    {
        var design = VerilogEmitter.Emit(Examples.Fifo(32, 256), Examples.Options);
        using var dir = new TempDir("hdl-mem");
        var files = HdlToolchain.Write(design, dir);

        var stat = Tools.Yosys(dir.Path, files, "synth -top fifo -run begin:fine; memory -nomap; opt_clean; stat", quiet: false).Output;
        stat = stat[stat.LastIndexOf("Printing statistics", StringComparison.Ordinal)..];

        // One 256 x 32 memory cell and a handful of flip-flop cells (pointers); a memory turned into registers
        // would show one flip-flop cell per word (256).
        Assert.Matches(MemCell(), stat);
        var flops = FlopCount().Matches(stat).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(flops, 1, 64);
    }

    [GeneratedRegex(@"\$mem(_v2)?\s+1\b")]
    private static partial Regex MemCell();

    [GeneratedRegex(@"\$a?dff\w*\s+(\d+)")]
    private static partial Regex FlopCount();
}
