using Lpu.Architecture.Configuration;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Verilog;
using Lpu.Rtl.Top;

namespace Lpu.Rtl;

/// <summary>
/// Generates the LPU's RTL for one configuration: <c>lpu_top</c> with the host port, the ICU queues of
/// the MEM and VXM units, the stream fabric, the MEM slices and the VXM (docs/rtl.md). The Verilog
/// header carries the generator version and the configuration hash, so output is byte-identical
/// across runs.
/// </summary>
public static class RtlGenerator
{
    /// <summary>The generator version written into every file header.</summary>
    public static string Version { get; } = typeof(RtlGenerator).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Builds and emits the RTL of <paramref name="config"/>.</summary>
    public static RtlDesign Generate(LpuConfig config, RtlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        options ??= new RtlOptions();
        var builder = new TopBuilder(config, options);
        var top = builder.Build();
        var verilog = VerilogEmitter.Emit(top, new EmitOptions(Version, ConfigJson.Hash(config)));
        var ports = top.Ports.Select(p => new RtlPort(p.Name, p.Width, p.Kind == SignalKind.Input)).ToList();
        return new RtlDesign(config, verilog, ports, builder.Trace, builder.HostDataWidth, builder.HostCommandDelay, builder.HostReadLatency, builder.Queues);
    }
}
