using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Cosim.Verilator;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>
/// The full-featured lane (the <c>small</c> preset: every type, every op) built once in Verilator and
/// shared by every lane test class; <see cref="Run"/> drives one combination and returns <c>y</c>.
/// </summary>
public sealed class LaneSimulator : IDisposable
{
    private readonly VerilatorSimulation simulation;
    private readonly int opcode, type, from, to, a, b, scale, shift, y;
    private readonly object gate = new();

    public LaneSimulator()
    {
        var design = LaneDesigns.EmitHarness(Presets.Get("small"));
        var ports = new List<VerilatorPort>
        {
            VerilatorPort.Input("clk"),
            VerilatorPort.Input("opcode", 8),
            VerilatorPort.Input("dtype", 3),
            VerilatorPort.Input("from", 3),
            VerilatorPort.Input("to", 3),
            VerilatorPort.Input("a", 32),
            VerilatorPort.Input("b", 32),
            VerilatorPort.Input("scale", 16),
            VerilatorPort.Input("shift", 6),
            VerilatorPort.Output("y", 32),
        };
        var sources = design.Modules.Select(f => new VerilatorSource(f.Name, f.Text));
        var build = VerilatorBuild.Build(new VerilatorDesign(sources, LaneDesigns.HarnessName, ports, "clk"));
        simulation = build.CreateSimulation();
        opcode = simulation.PortIndex("opcode");
        type = simulation.PortIndex("dtype");
        from = simulation.PortIndex("from");
        to = simulation.PortIndex("to");
        a = simulation.PortIndex("a");
        b = simulation.PortIndex("b");
        scale = simulation.PortIndex("scale");
        shift = simulation.PortIndex("shift");
        y = simulation.PortIndex("y");
    }

    /// <summary>One evaluation of the lane.</summary>
    public uint Run(VxmOp op, DataType elementType, uint valueA, uint valueB = 0,
        DataType convertFrom = DataType.I8, DataType convertTo = DataType.I8, int scaleValue = 0, int shiftValue = 0)
    {
        lock (gate)
        {
            simulation.SetInput(opcode, InstructionSet.ForVxm(op).Opcode);
            simulation.SetInput(type, (ulong)elementType);
            simulation.SetInput(from, (ulong)convertFrom);
            simulation.SetInput(to, (ulong)convertTo);
            simulation.SetInput(a, valueA);
            simulation.SetInput(b, valueB);
            simulation.SetInput(scale, (ushort)scaleValue);
            simulation.SetInput(shift, (ulong)shiftValue);
            simulation.Eval();
            return (uint)simulation.GetOutput(y);
        }
    }

    public void Dispose() => simulation.Dispose();
}
