using System.Text.RegularExpressions;
using Lpu.Architecture.Configuration;
using Lpu.Hdl.Verilog;
using Lpu.Rtl.Vxm;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>
/// The VXM's logic is evaluated by a simulator only for an issued instruction (docs/rtl.md, lpu_vxm): Verilator
/// runs every combinational block every cycle, so each datapath, table, decode and operand selection must sit
/// behind the test that makes it matter. The values themselves are checked by the lane vectors and the
/// lockstep co-simulation; these tests keep the structure that makes an idle ALU cheap.
/// </summary>
public sealed partial class VxmGatingTests
{
    private static readonly LpuConfig Small = Presets.Get("small");

    [Fact]
    public void Every_lane_datapath_and_table_is_behind_an_opcode_test()
    {
        var lane = LaneDesigns.Emit(Small)["lpu_vxm_lane"];
        var blocks = CombinationalBlocks(lane);
        var computing = blocks.Where(b => b.Contains("= fn_", StringComparison.Ordinal) || b.Contains("case (a[7:0])", StringComparison.Ordinal)).ToList();
        Assert.True(computing.Count >= 15, $"{computing.Count} blocks call a datapath or look up a table");
        Assert.All(computing, b => Assert.Matches(@"^\s*always @\* begin\n\s*\w+ = \d+'d0;\n\s*if \(opcode == 8'd\d+", b));
    }

    [Fact]
    public void Operands_are_selected_without_shifts_and_only_for_a_live_stage()
    {
        var vxm = Emit(Small)["lpu_vxm"];
        Assert.DoesNotContain(">>", vxm, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"assign [^;]*stream_in\[", vxm);
        var selections = CombinationalBlocks(vxm).Where(b => b.Contains("stream_in[", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * Small.Vxm.AlusPerLane * Small.Superlanes, selections.Count);
        Assert.All(selections, b => Assert.Matches(@"^\s*always @\* begin\n\s*[ab]_window_\d_\d = 128'd0;\n\s*if \(\w+\) begin\n\s*case \(", b));
    }

    [Fact]
    public void Each_alu_decodes_its_word_once_and_only_while_it_is_valid()
    {
        var blocks = CombinationalBlocks(Emit(Small)["lpu_vxm"]);
        var decodes = blocks.Where(b => b.Contains("issue_word[", StringComparison.Ordinal)).ToList();
        Assert.Equal(Small.Vxm.AlusPerLane, decodes.Count);
        Assert.All(decodes, b => Assert.Matches(@"^\s*always @\* begin\n\s*decoded_\d = 69'd0;\n\s*if \(", b));
    }

    [Fact]
    public void An_idle_stage_clears_its_opcode_so_its_lanes_stay_gated()
    {
        var vxm = Emit(Small)["lpu_vxm"];
        string[] Loads(string stage) => [.. Regex.Matches(vxm, $@"st_opcode_{stage}_q <= ([^;]+);").Select(m => m.Groups[1].Value)];

        // reset, live, idle
        Assert.Equal(["8'd0", "decoded_0[7:0]", "8'd0"], Loads("0_0"));
        Assert.Equal(["8'd0", "skew_decoded_0_1_q[7:0]", "8'd0"], Loads("0_1"));
    }

    private static EmittedDesign Emit(LpuConfig config) =>
        VerilogEmitter.Emit(VxmGenerator.Create(config), new EmitOptions("test", ConfigJson.Hash(config)));

    /// <summary>The text of each <c>always @*</c> block, up to its closing <c>end</c> at the same indent.</summary>
    private static List<string> CombinationalBlocks(string verilog) =>
        [.. AlwaysBlock().Matches(verilog.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => m.Value)];

    [GeneratedRegex(@"^    always @\* begin\n(?:.*\n)*?    end\n", RegexOptions.Multiline)]
    private static partial Regex AlwaysBlock();
}
