using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Rtl.Vxm.Lane;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>The emitted lane: ports of docs/rtl.md, lint clean in every tool, deterministic, and
/// smaller when the configuration leaves types and ops out.</summary>
public sealed class VxmLaneLintTests
{
    [Theory]
    [InlineData("small")]
    [InlineData("ice40")]
    public void Lane_of_preset_is_lint_clean(string preset) =>
        HdlToolchain.CheckAll(LaneDesigns.Emit(Presets.Get(preset)));

    [Fact]
    public void Lane_with_floats_only_is_lint_clean()
    {
        var small = Presets.Get("small");
        var config = small with { Vxm = new VxmConfig(1, [DataType.F16, DataType.F32], [VxmOp.Add, VxmOp.Cvt, VxmOp.Relu]) };
        HdlToolchain.CheckAll(LaneDesigns.Emit(config));
    }

    [Fact]
    public void Ports_are_those_of_rtl_md()
    {
        var lane = VxmLaneGenerator.Create(Presets.Get("small"));
        Assert.Equal("lpu_vxm_lane", lane.Name);
        var ports = lane.Ports.Select(p => $"{(p.Kind == Lpu.Hdl.Ir.SignalKind.Input ? "in" : "out")} {p.Name}[{p.Width}]");
        Assert.Equal(
            ["in opcode[8]", "in type[3]", "in from[3]", "in to[3]", "in a[32]", "in b[32]", "in scale[16]", "in shift[6]", "out y[32]"],
            ports);
        Assert.Empty(lane.Memories);
        Assert.DoesNotContain(lane.Signals, s => s.Kind == Lpu.Hdl.Ir.SignalKind.Register);
    }

    [Fact]
    public void Emission_is_byte_identical_across_runs()
    {
        var first = LaneDesigns.Emit(Presets.Get("small"))["lpu_vxm_lane"];
        var second = LaneDesigns.Emit(Presets.Get("small"))["lpu_vxm_lane"];
        Assert.Equal(first, second);
    }

    [Fact]
    public void Ops_and_types_left_out_get_no_logic()
    {
        var full = LaneDesigns.Emit(Presets.Get("small"))["lpu_vxm_lane"];
        var ice40 = LaneDesigns.Emit(Presets.Get("ice40"))["lpu_vxm_lane"];
        Assert.True(ice40.Length * 5 < full.Length, $"ice40 lane {ice40.Length} chars, full lane {full.Length}");
        Assert.DoesNotContain("rom_tanh", ice40, StringComparison.Ordinal);
        Assert.Contains("rom_tanh", full, StringComparison.Ordinal);
    }
}
