using System.Text.RegularExpressions;
using Lpu.Architecture.Configuration;
using Lpu.Rtl.Mem;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Mem;

public partial class MemLintTests
{
    public static TheoryData<string, bool> Shapes => new()
    {
        { "small", false },
        { "wide", false },
        { "small", true },
        { "noecc", false },
    };

    private static LpuConfig Config(string name) => name switch
    {
        "wide" => MemDesigns.Wide,
        "noecc" => MemDesigns.Small with { Mem = MemDesigns.Small.Mem with { Ecc = false } },
        _ => MemDesigns.Small,
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Slice_is_lint_clean_in_every_tool(string shape, bool macros)
    {
        var design = MemDesigns.Emit(MemSliceGenerator.Create(Config(shape), new RtlOptions(SramMacros: macros)));
        HdlToolchain.CheckAll(design);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Yosys_keeps_two_memories_per_tile(string shape, bool macros)
    {
        var config = Config(shape);
        var design = MemDesigns.Emit(MemSliceGenerator.Create(config, new RtlOptions(SramMacros: macros)));
        using var dir = new TempDir("mem-yosys");
        var files = HdlToolchain.Write(design, dir);

        var stat = Tools.Yosys(dir.Path, files, "synth -top lpu_mem_slice -flatten -run begin:fine; memory -nomap; opt_clean; stat", quiet: false).Output;
        stat = stat[stat.LastIndexOf("Printing statistics", StringComparison.Ordinal)..];

        var memories = MemCell().Match(stat);
        Assert.True(memories.Success, stat);
        Assert.Equal(2 * config.Superlanes, int.Parse(memories.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Macro_option_names_a_wrapper_per_bank_shape()
    {
        var design = MemDesigns.Emit(MemSliceGenerator.Create(MemDesigns.Small, new RtlOptions(SramMacros: true)));
        // small: W = 256 -> banks of 128 words; L = 4 -> 32 data + 7 check bits.
        Assert.Contains("lpu_sram_128x39 bank0", design["lpu_mem_tile"], StringComparison.Ordinal);
        Assert.Contains("module lpu_sram_128x39", design["lpu_sram_128x39"], StringComparison.Ordinal);
    }

    [Fact]
    public void Emission_is_byte_identical_across_runs()
    {
        var first = MemDesigns.Emit(MemSliceGenerator.Create(MemDesigns.Small, new RtlOptions()));
        var second = MemDesigns.Emit(MemSliceGenerator.Create(MemDesigns.Small, new RtlOptions()));
        Assert.Equal(first.Files.Select(f => f.Name + f.Text), second.Files.Select(f => f.Name + f.Text));
    }

    [GeneratedRegex(@"\$mem(?:_v2)?\s+(\d+)")]
    private static partial Regex MemCell();
}
