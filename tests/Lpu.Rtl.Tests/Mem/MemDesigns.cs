using Lpu.Architecture.Configuration;
using Lpu.Cosim.Verilator;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Verilog;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>Configurations and emit/build helpers shared by the MEM RTL tests.</summary>
internal static class MemDesigns
{
    public static readonly EmitOptions Options = new("test", "mem-tests");

    public static LpuConfig Small => Presets.Get("small");

    /// <summary>One superlane of 16 lanes, 64 words: the TSP's word width in a short slice.</summary>
    public static LpuConfig Wide
    {
        get
        {
            var small = Presets.Get("small");
            return small with { Superlanes = 1, LanesPerSuperlane = 16, Mem = small.Mem with { WordsPerTile = 64 }, Mxm = small.Mxm with { ArraySize = 16 } };
        }
    }

    /// <summary>Three superlanes (skew up to 2 cycles), 4 lanes, 4 streams, 64 words.</summary>
    public static LpuConfig ThreeSuperlanes
    {
        get
        {
            var small = Presets.Get("small");
            return small with { Superlanes = 3, StreamsPerDirection = 4, Mem = small.Mem with { WordsPerTile = 64 }, Mxm = small.Mxm with { ArraySize = 12 } };
        }
    }

    public static EmittedDesign Emit(Module top) => VerilogEmitter.Emit(top, Options);

    /// <summary>A Verilator build description of <paramref name="top"/> with all its ports.</summary>
    public static VerilatorDesign ForVerilator(Module top, string clock = "clk")
    {
        var design = Emit(top);
        var sources = design.Modules.Select(f => new VerilatorSource(f.Name, f.Text)).ToList();
        var ports = top.Ports.Select(p => p.Kind == SignalKind.Input
            ? VerilatorPort.Input(p.Name, p.Width)
            : VerilatorPort.Output(p.Name, p.Width)).ToList();
        return new VerilatorDesign(sources, top.Name, ports, clock);
    }
}
