using Lpu.Architecture.Configuration;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Verilog;
using Lpu.Rtl.Vxm.Lane;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>The lane emitted for a configuration, alone or under a harness that adds the clock port
/// the Verilator shim needs.</summary>
public static class LaneDesigns
{
    public const string HarnessName = "vxm_lane_harness";

    public static EmittedDesign Emit(LpuConfig config) =>
        VerilogEmitter.Emit(VxmLaneGenerator.Create(config), new EmitOptions("test", ConfigJson.Hash(config)));

    /// <summary>The lane under <c>vxm_lane_harness</c>: the same ports plus an unused <c>clk</c>, except
    /// <c>type</c>, a SystemVerilog keyword the emitter would rename, which is <c>dtype</c> here.</summary>
    public static EmittedDesign EmitHarness(LpuConfig config)
    {
        var lane = VxmLaneGenerator.Create(config);
        var top = new Module(HarnessName);
        top.Input("clk");
        var dut = top.Instance(lane, "dut");
        foreach (var port in lane.Ports.Where(p => p.Kind == SignalKind.Input))
            dut.Connect(port.Name, top.Input(HarnessPort(port.Name), port.Width));
        top.Assign(top.Output("y", 32), dut.Output("y"));
        return VerilogEmitter.Emit(top, new EmitOptions("test", ConfigJson.Hash(config)));
    }

    public static string HarnessPort(string lanePort) => lanePort == "type" ? "dtype" : lanePort;
}
