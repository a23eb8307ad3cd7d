using Lpu.Cosim.Verilator;
using Lpu.Rtl;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// How to co-simulate: the RTL generated for the program's configuration (or the Verilog in
/// <see cref="RtlDirectory"/>, e.g. hand-edited), where to write the waveform of a divergence, the
/// cycle limit and the Verilator build cache.
/// </summary>
public sealed record CosimOptions
{
    /// <summary>Verilog to use instead of generating it (must keep <c>lpu_top</c>'s ports).</summary>
    public string? RtlDirectory { get; init; }

    /// <summary>Where the VCD of the cycles around a divergence goes (null: no waveform).</summary>
    public string? VcdPath { get; init; }

    /// <summary>Cycles before the run is stopped as not finishing.</summary>
    public long MaxCycles { get; init; } = 10_000_000;

    /// <summary>Cycles of waveform before a divergence.</summary>
    public int VcdCyclesBefore { get; init; } = 16;

    /// <summary>The Verilator build cache (null: the default, see sim/README.md).</summary>
    public string? CacheRoot { get; init; }

    /// <summary>
    /// Times each phase of every cycle into <see cref="CosimResult.Phases"/> (for benchmarks): the
    /// RTL tick and the event read become two native calls, and the timestamps add their own cost.
    /// </summary>
    public bool MeasurePhases { get; init; }

    /// <summary>
    /// Runs the RTL on a thread of its own, overlapped with the model and the comparison (the
    /// results are the same, byte for byte); null: when the machine has more than one processor.
    /// </summary>
    public bool? TwoThreads { get; init; }

    /// <summary>How Verilator compiles the RTL (tracing is switched on only for the waveform's re-run).</summary>
    public VerilatorOptions Verilator { get; init; } = VerilatorOptions.Default;

    /// <summary>Generator options, e.g. a planted fault for testing the checker.</summary>
    public RtlOptions Rtl { get; init; } = new();
}
