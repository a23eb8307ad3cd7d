using Lpu.Cosim.Verilator;
using Lpu.Testing;

namespace Lpu.HdlGen.Tests;

/// <summary><c>hdl-gen generate</c> and <c>hdl-gen cosim</c> end to end, with real Verilator builds (cached).</summary>
public class CosimCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Program(string name) => RepoPaths.Of($"sim/programs/{name}");

    /// <summary>Generates <c>small</c>'s Verilog into <c>rtl</c> under <paramref name="dir"/>, as a person would before editing it.</summary>
    private static string GenerateSmall(TempDir dir)
    {
        var rtl = Path.Combine(dir.Path, "rtl");
        var (generated, _, generateError) = Run("generate", "--preset", "small", "--out", rtl);
        Assert.True(generated == 0, generateError);
        return rtl;
    }

    [Fact]
    public void Cosim_of_an_example_agrees_and_exits_0()
    {
        var (code, output, error) = Run("cosim", "--preset", "small", Program("vector_ops.s"));
        Assert.True(code == 0, output + error);
        Assert.Contains("vector_ops.s: 23 cycles", output);
        Assert.Contains("RTL and model agree", output);
    }

    [Fact]
    public void Profile_guided_build_agrees_and_is_a_build_of_its_own()
    {
        var (code, output, error) = Run("cosim", "--preset", "small", Program("vector_ops.s"), "--pgo");
        var (plain, plainOutput, _) = Run("cosim", "--preset", "small", Program("vector_ops.s"));

        Assert.True(code == 0, output + error);
        Assert.Equal(0, plain);
        Assert.Equal(plainOutput.Split('\n')[0], output.Split('\n')[0]);   // "vector_ops.s: 23 cycles, ... agree"
        Assert.Contains(Directory.EnumerateFiles(VerilatorBuild.DefaultCacheRoot(), "manifest.txt", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("profile: lpu_top streaming workload", StringComparison.Ordinal));
    }

    [Fact]
    public void One_thread_gives_the_same_report_as_two()
    {
        var (one, oneOutput, oneError) = Run("cosim", "--preset", "small", Program("requant.s"), "--one-thread");
        var (two, twoOutput, _) = Run("cosim", "--preset", "small", Program("requant.s"));

        Assert.True(one == 0, oneOutput + oneError);
        Assert.Equal(0, two);
        Assert.Contains("RTL and model agree", oneOutput);
        Assert.Equal(oneOutput.Split('\n')[0], twoOutput.Split('\n')[0]);
    }

    [Fact]
    public void Hand_edited_rtl_is_checked_with_rtl_dir_and_its_divergence_exits_1()
    {
        using var dir = new TempDir();
        var rtl = GenerateSmall(dir);

        // The edit a person might make by mistake: the i8 add calls the i8 difference's function.
        HandEdit.AddBecomesSubtract(rtl);

        var (code, output, _) = Run("cosim", "--preset", "small", Program("vector_ops.s"), "--rtl", rtl, "--vcd", dir["edit.vcd"]);

        // vector_ops.s word 0, lane 0: 127 + 1 saturates to 0x7f; the edited RTL gives 127 - 1 = 0x7e,
        // readable at the VXM (position 6) in cycle 4 + 2.
        Assert.Equal(1, code);
        Assert.Contains("divergence at cycle 6: VXM, superlane 0, lane 0: stream e2 at position 6", output);
        Assert.Contains("expected (model) 0x7f", output);
        Assert.Contains("actual   (RTL)   0x7e", output);
        Assert.True(File.Exists(dir["edit.vcd"]));
    }

    [Fact]
    public void Rtl_dir_that_does_not_build_is_bad_input_naming_the_file()
    {
        using var dir = new TempDir();
        var rtl = GenerateSmall(dir);
        var lane = Path.Combine(rtl, "lpu_vxm_lane.v");
        File.WriteAllText(lane, File.ReadAllText(lane).Replace("endmodule", "endmodule garbage", StringComparison.Ordinal));

        var (code, output, error) = Run("cosim", "--preset", "small", Program("vector_ops.s"), "--rtl", rtl);

        Assert.Equal(2, code);
        Assert.Contains(error.Split('\n'), line => line.StartsWith("error: Verilator build of 'lpu_top' failed", StringComparison.Ordinal));
        Assert.Contains("lpu_vxm_lane.v:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.DoesNotContain("agree", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtl_dir_whose_ports_differ_from_this_version_is_rejected_before_building()
    {
        using var dir = new TempDir();
        var rtl = GenerateSmall(dir);
        var top = Path.Combine(rtl, "lpu_top.v");
        var lines = File.ReadAllLines(top);
        var at = Array.FindIndex(lines, l => l.Trim() == "output wire [5059:0] events");   // small's event port (docs/rtl.md)
        Assert.True(at >= 0, "no events port line in the generated top");
        lines[at] = "    output wire [3671:0] events";   // as an earlier version generated it
        File.WriteAllLines(top, lines);

        var (code, _, error) = Run("cosim", "--preset", "small", Program("vector_ops.s"), "--rtl", rtl);

        Assert.Equal(2, code);
        Assert.Contains($"lpu_top.v:{at + 1}: port 'events' of lpu_top is 3672 bits wide, this version's is 5060", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Verilator build", error, StringComparison.Ordinal);   // rejected before any build
    }

    [Fact]
    public void A_program_for_units_without_rtl_is_bad_input()
    {
        var (code, _, error) = Run("cosim", "--preset", "small", Program("transpose.s"));
        Assert.Equal(2, code);
        Assert.Contains("has no SXM yet", error);
    }
}
