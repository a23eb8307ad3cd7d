using Lpu.Cosim.Verilator;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// The RTL side of a lockstep run as the comparing side sees it: program cycle by program cycle,
/// the set fields of <c>events</c> (as <see cref="FieldReader.Words"/>) and the <c>done</c> output.
/// Program cycle c is the RTL after c ticks from where START left it at program cycle 0.
/// </summary>
internal abstract class RtlCycles : IDisposable
{
    /// <summary>
    /// The RTL in program cycle <paramref name="cycle"/> (cycles are asked for in increasing order,
    /// skipping none but possibly cycle 0); throws what the RTL threw on the way there.
    /// <paramref name="allowedUpTo"/> is the last cycle the RTL may be run to (see
    /// <see cref="PipelinedRtl"/>); it never decreases and is at least <paramref name="cycle"/>.
    /// The words are valid until the next call.
    /// </summary>
    public abstract ReadOnlySpan<uint> Read(long cycle, long allowedUpTo, out bool done);

    /// <summary>Stops any work on the RTL: afterwards the caller may use the simulation again.</summary>
    public abstract void Dispose();
}

/// <summary>The RTL ticked on the calling thread when a cycle is asked for: one native call per cycle.</summary>
internal sealed class InlineRtl(VerilatorSimulation sim, FieldReader reader, int donePort, PhaseClock? phases) : RtlCycles
{
    private long position;

    public override ReadOnlySpan<uint> Read(long cycle, long allowedUpTo, out bool done)
    {
        var ticks = checked((ulong)(cycle - position));
        position = cycle;
        ReadOnlySpan<uint> words;
        if (phases is null)
        {
            words = sim.TickAndRead(reader, ticks);
        }
        else
        {
            // Measured apart: the tick, then the read alone (the normal path does both in one call).
            sim.Tick(ticks);
            phases.Lap(Phase.RtlTick);
            words = sim.TickAndRead(reader, 0);
            phases.Lap(Phase.EventRead);
        }

        done = sim.GetOutput(donePort) != 0;
        return words;
    }

    public override void Dispose()
    {
    }
}
