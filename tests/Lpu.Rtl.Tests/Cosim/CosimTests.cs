using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Lockstep;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Cosim;

/// <summary>
/// The generated RTL of <c>small</c> in Verilator, in lockstep with the golden model. Builds are
/// cached on disk (.sim-cache), so each distinct RTL is compiled once per machine.
/// </summary>
public class CosimTests
{
    private static readonly LpuConfig Small = Presets.Get("small");

    private static LpuProgram Example(string name) =>
        Assembler.Assemble(File.ReadAllText(RepoPaths.Of($"sim/programs/{name}")), Small, name);

    [Theory]
    [InlineData("vector_ops.s")]
    [InlineData("requant.s")]
    public void Example_programs_agree_cycle_by_cycle(string name)
    {
        using var session = new CosimSession(Example(name));
        var result = session.Run();
        Assert.True(result.Matches, result.Divergence?.ToString());
        Assert.Equal(session.Model.DoneCycle, result.Cycles);
        Assert.True(result.EventsCompared > 50, $"only {result.EventsCompared} events compared");
    }

    [Fact]
    public void A_planted_wrong_add_is_reported_at_its_cycle_unit_lane_and_values()
    {
        using var dir = new TempDir();
        var options = new CosimOptions { RtlDirectory = WrongAdd(dir), VcdPath = dir["fault.vcd"] };
        using var session = new CosimSession(Example("vector_ops.s"), options);

        var divergence = session.Run().Divergence;

        // vector_ops.s: vxm.0 issues add.i8 e2, e0, e1 at cycle 4; d = 2, so superlane 0's sum is
        // readable at position 6 in cycle 6. Word 0 lane 0 is 127 + 1, saturated to 0x7f; the
        // edited lane computes 127 - 1 = 0x7e.
        Assert.NotNull(divergence);
        Assert.Equal(6, divergence.Cycle);
        Assert.Equal("VXM", divergence.Unit);
        Assert.Equal(0, divergence.Superlane);
        Assert.Equal(0, divergence.Lane);
        Assert.Equal("stream e2 at position 6", divergence.Signal);
        Assert.StartsWith("0x7f ", divergence.Expected);
        Assert.StartsWith("0x7e ", divergence.Actual);
        Assert.Equal("cycle      4  vxm.0          add.i8 e2, e0, e1  (0x2000800100000000)", divergence.Cause);
        var vcd = File.ReadAllText(dir["fault.vcd"]);
        Assert.Contains("$enddefinitions", vcd);
        Assert.Contains(" events ", vcd);
    }

    /// <summary>small's generated RTL in <paramref name="dir"/>/rtl with <see cref="HandEdit.AddBecomesSubtract"/>: the same files as the CLI test's, so one build serves both.</summary>
    internal static string WrongAdd(TempDir dir)
    {
        var rtl = dir["rtl"];
        RtlGenerator.Generate(Small).Verilog.WriteTo(rtl);
        HandEdit.AddBecomesSubtract(rtl);
        return rtl;
    }

    [Fact]
    public void Single_bit_errors_are_corrected_and_double_bit_errors_detected_in_both()
    {
        using var session = new CosimSession(Example("vector_ops.s"));
        session.InjectBitFlip(slice: 0, superlane: 0, address: 3, bit: 5);       // a data bit
        session.InjectBitFlip(slice: 1, superlane: 1, address: 6, bit: 32 + 2);  // a check bit (L = 4: data is 32 bits)
        session.InjectBitFlip(slice: 0, superlane: 1, address: 5, bit: 1);       // two data bits:
        session.InjectBitFlip(slice: 0, superlane: 1, address: 5, bit: 30);      // uncorrectable

        var result = session.Run();

        Assert.True(result.Matches, result.Divergence?.ToString());
        Assert.Equal(2, session.Model.Counters.EccCorrected);
        Assert.Equal(1, session.Model.Counters.EccUncorrectable);
        Assert.Equal(2UL, session.ReadRtlCounter(4));
        Assert.Equal(1UL, session.ReadRtlCounter(5));
    }

    [Fact]
    public void The_second_session_reuses_the_cached_build()
    {
        using (var first = new CosimSession(Example("vector_ops.s")))
            Assert.True(first.Run().Matches);
        using var second = new CosimSession(Example("requant.s"));
        Assert.True(second.RtlBuildFromCache);
    }

    [Fact]
    public void A_program_for_a_unit_the_rtl_lacks_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new CosimSession(Example("transpose.s")));
        Assert.Contains("has no SXM yet", error.Message);
        Assert.Contains("the program uses queue sxm.w.trans.0", error.Message);
    }
}
