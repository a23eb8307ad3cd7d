using Lpu.Architecture.Configuration;
using Lpu.Hdl.Verilog;

namespace Lpu.Rtl;

/// <summary>
/// The generated RTL of one configuration: the Verilog of <c>lpu_top</c> and its submodules, the
/// top's ports, the trace layout, the host port's width and timing, and the queues the RTL implements.
/// </summary>
public sealed class RtlDesign
{
    internal RtlDesign(LpuConfig config, EmittedDesign verilog, IReadOnlyList<RtlPort> ports, TraceLayout trace, int hostDataWidth, int hostCommandDelay, int hostReadLatency, IReadOnlyList<int> queues)
    {
        HostCommandDelay = hostCommandDelay;
        HostReadLatency = hostReadLatency;
        Config = config;
        Verilog = verilog;
        Ports = ports;
        Trace = trace;
        HostDataWidth = hostDataWidth;
        Queues = queues;
    }

    /// <summary>The configuration generated.</summary>
    public LpuConfig Config { get; }

    /// <summary>The emitted files.</summary>
    public EmittedDesign Verilog { get; }

    /// <summary>The top module's name, <c>lpu_top</c>.</summary>
    public string Top => Verilog.Top;

    /// <summary><c>lpu_top</c>'s ports in declaration order.</summary>
    public IReadOnlyList<RtlPort> Ports { get; }

    /// <summary>The layout of the <c>events</c> output.</summary>
    public TraceLayout Trace { get; }

    /// <summary>HW = max(64, 8L + C): width of <c>host_wdata</c> and <c>host_rdata</c>.</summary>
    public int HostDataWidth { get; }

    /// <summary>Cycles from a command on the host port to the cycle it acts in: 1 with the port's inputs
    /// registered (<see cref="RtlOptions.RegisteredHostPort"/>), else 0.</summary>
    public int HostCommandDelay { get; }

    /// <summary>Cycles from a read command on the host port to its answer on <c>host_rdata</c> with
    /// <c>host_rvalid</c>: the command's delay, the tile's SRAM read, the slice registering the word.</summary>
    public int HostReadLatency { get; }

    /// <summary>Global queue indices present in the RTL (MEM and VXM queues, ascending).</summary>
    public IReadOnlyList<int> Queues { get; }
}
