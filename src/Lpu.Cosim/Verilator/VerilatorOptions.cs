using System.Runtime.InteropServices;
using ProcessorArchitecture = System.Runtime.InteropServices.Architecture;

namespace Lpu.Cosim.Verilator;

/// <summary>
/// How a Verilator model is compiled. The defaults are the fast build; tracing must be compiled in
/// for <see cref="VerilatorSimulation.TraceWindow"/> to work.
/// </summary>
public sealed record VerilatorOptions
{
    /// <summary>
    /// Verilator's optimisation flags for the fast build. <c>OPT_FAST=-O2</c> compiles the model's
    /// per-cycle code with -O2 instead of Verilator's default -Os: docs/performance.md measured
    /// 1.2-1.6x more lpu_top ticks/s on small; on a busy machine the shim's event read was ~13% and
    /// the tick up to ~8% faster. <c>--expand-limit 1024</c>: Verilator rebuilds a value wider than
    /// its limit (default 64 words) by copying the whole value once per part, and lpu_top's event
    /// port is 159 words on small (115 when measured) and ~816 on medium; measured ~1.8x fewer µs
    /// per tick on small.
    /// On x86-64, <c>-march=x86-64-v2</c> (every x86-64 processor since 2009) lets the SECDED
    /// checkers' parity become a <c>popcnt</c> instead of a chain of shifts and XORs: 12,422 -> 12,085
    /// instructions per small tick (bench/rtl-instructions.sh); v3 (AVX2) would save 1.4% more but
    /// excludes processors the simulation should still run on.
    /// </summary>
    public static IReadOnlyList<string> FastFlags { get; } =
    [
        "-O3", "--x-assign", "fast", "--x-initial", "fast", "--expand-limit", "1024", "-MAKEFLAGS", "OPT_FAST=-O2",
        .. RuntimeInformation.ProcessArchitecture == ProcessorArchitecture.X64 ? ["-CFLAGS", "-march=x86-64-v2"] : Array.Empty<string>(),
    ];

    public static VerilatorOptions Default { get; } = new();

    /// <summary>Compile VCD tracing in (<c>--trace</c>).</summary>
    public bool Trace { get; init; }

    /// <summary>Hierarchy levels traced (<c>--trace-depth</c>; Verilator 5.006 ignores the runtime level).</summary>
    public int TraceDepth { get; init; } = 99;

    public IReadOnlyList<string> OptimisationFlags { get; init; } = FastFlags;

    /// <summary>Further Verilator arguments, e.g. <c>-Wall</c> or <c>-Wno-fatal</c>.</summary>
    public IReadOnlyList<string> ExtraFlags { get; init; } = [];

    /// <summary>
    /// Compile twice with GCC profile-guided optimisation: an instrumented library runs a training
    /// workload (given to <see cref="VerilatorBuild.Build"/>), then the C++ is compiled again with the
    /// branch and call counts it recorded, which lays out the model's code for the paths actually
    /// taken (docs/performance.md: ~25% less time per tick of lpu_top on small). Costs a second
    /// compile (no ccache for the instrumented one) and the training run; the library computes the same.
    /// </summary>
    public bool ProfileGuided { get; init; }

    /// <summary>Parallel compile jobs (<c>-j</c>).</summary>
    public int Jobs { get; init; } = 2;

    /// <summary>Every Verilator argument these options stand for, in order.</summary>
    public IReadOnlyList<string> VerilatorFlags()
    {
        var flags = new List<string>(OptimisationFlags);
        if (Trace)
        {
            flags.AddRange(["--trace", "--trace-depth", TraceDepth.ToString()]);
        }

        flags.AddRange(ExtraFlags);
        return flags;
    }
}
