using Lpu.Architecture.Configuration;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Rtl;

/// <summary>The generated RTL passes Verilator -Wall lint, Icarus, Yosys checks and synthesis, and is deterministic.</summary>
public sealed class RtlToolchainTests
{
    [Fact]
    public void SmallPassesLintIcarusAndYosysChecks() => HdlToolchain.CheckAll(RtlGenerator.Generate(Presets.Get("small")).Verilog);

    [Fact]
    public void SmallWithSramMacrosPassesLint()
    {
        var design = RtlGenerator.Generate(Presets.Get("small"), new RtlOptions(SramMacros: true));
        using var dir = new TempDir("rtl-macros");
        Tools.VerilatorLint(dir.Path, HdlToolchain.Write(design.Verilog, dir), design.Top);
    }

    [Fact]
    public void SynthesisKeepsSramBanksAndQueueMemoriesAsMemories()
    {
        var config = Presets.Get("small");
        var design = RtlGenerator.Generate(config);
        using var dir = new TempDir("rtl-yosys");
        var files = HdlToolchain.Write(design.Verilog, dir);
        var result = Tools.Yosys(dir.Path, files,
            "hierarchy -check -top lpu_top; proc; flatten; opt -fast; memory -nomap; stat", quiet: false);
        var memories = result.Output.Split('\n').Where(l => l.Trim().StartsWith("$mem", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(memories);

        // At least two banks per tile (SL tiles per slice, 2M slices) and one memory per MEM or VXM queue
        // (the lanes' transcendental tables may add ROMs).
        var atLeast = (2 * config.Superlanes * config.SliceCount) + design.Queues.Count;
        var count = memories.Select(l => int.Parse(l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture)).Sum();
        Assert.InRange(count, atLeast, int.MaxValue);
        Assert.Contains("queue_mem_w_0.entries", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerationIsByteIdenticalAcrossRuns()
    {
        var a = RtlGenerator.Generate(Presets.Get("small"));
        var b = RtlGenerator.Generate(Presets.Get("small"));
        Assert.Equal(a.Verilog.Files.Select(f => (f.Name, f.Text)), b.Verilog.Files.Select(f => (f.Name, f.Text)));
    }

    [Fact]
    public void TraceLayoutAndPortsFollowTheContract()
    {
        var config = Presets.Get("small");
        var design = RtlGenerator.Generate(config);
        Assert.Equal("lpu_top", design.Top);
        Assert.Equal(64, design.HostDataWidth);

        // small: 8 MEM queues (0..7), no SXM/MXM queues, VXM queues after the 2 x (4 + 5) MEM and SXM ones.
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 18, 19, 20, 21], design.Queues);
        // Every field is whole words: a header word, then its data (L = 4): MEM stream 32 + 32,
        // VXM stream 32 + 128, SRAM write 32 + 32, ECC 32, issue 32 + 64.
        var fieldBits = (8 * 2 * 64) + (4 * 2 * 160) + (8 * 2 * 64) + (8 * 2 * 32) + (12 * 96);
        Assert.Equal(4_992, fieldBits);
        var fields = (8 * 2) + (4 * 2) + (8 * 2) + (8 * 2) + 12;   // then one summary bit per field
        Assert.Equal(fieldBits + fields, design.Trace.Width);
        Assert.Equal(fieldBits, design.Trace.SummaryOffset);
        Assert.Equal(fields, design.Trace.Fields.Count);
        Assert.Equal(fieldBits + fields, design.Ports.Single(p => p.Name == "events").Width);
        Assert.Equal(0, design.Trace.Find(TraceKind.MemStream, 0, 0).Offset);
        Assert.Equal(64, design.Trace.Find(TraceKind.MemStream, 0, 1).Offset);
        Assert.Equal(96, design.Trace.Find(TraceKind.MemStream, 0, 1).DataOffset);
        Assert.Equal((16 * 64) + (2 * 160) + 32, design.Trace.Find(TraceKind.VxmStream, 1, 0).DataOffset);   // ALU 1 follows both superlanes of ALU 0
        Assert.Equal(fieldBits - 96, design.Trace.Find(TraceKind.Issue, 21).Offset);
        Assert.Equal(["clk", "rst_n", "host_valid", "host_op", "host_addr", "host_wdata", "host_rdata", "host_rvalid", "running", "done", "cycle", "events"],
            design.Ports.Select(p => p.Name));
    }
}
