using System.Diagnostics;

namespace Lpu.Cosim.Lockstep;

/// <summary>The time of one phase of a lockstep cycle, in nanoseconds per cycle.</summary>
/// <param name="MedianNs">The median cycle: robust against the process being preempted on a busy machine.</param>
/// <param name="MeanNs">The mean, preemptions included.</param>
public readonly record struct PhaseTime(double MedianNs, double MeanNs);

/// <summary>Where a lockstep cycle's time goes (<see cref="CosimOptions.MeasurePhases"/>).</summary>
/// <param name="Cycles">Cycles measured.</param>
/// <param name="ModelStep">The golden model's step.</param>
/// <param name="RtlTick">The Verilator clock cycle.</param>
/// <param name="EventRead">The native read of the set fields of <c>events</c>.</param>
/// <param name="Decode">The RTL's fields decoded into their event list.</param>
/// <param name="Compare">The model's events against that list.</param>
/// <param name="History">The issue history, the done check (and a report, once).</param>
public sealed record CosimPhases(long Cycles, PhaseTime ModelStep, PhaseTime RtlTick, PhaseTime EventRead, PhaseTime Decode, PhaseTime Compare, PhaseTime History)
{
    /// <summary>True when the RTL ran on a thread of its own (<see cref="CosimOptions.TwoThreads"/>).</summary>
    public bool TwoThreads { get; init; }

    /// <summary>Two threads: the comparing thread's hand-off, waiting for the RTL's cycle included.</summary>
    public PhaseTime ModelWait { get; init; }

    /// <summary>Two threads: the RTL thread's wait for a free slot or for leave to run further.</summary>
    public PhaseTime RtlWait { get; init; }
}

/// <summary>The phases of a lockstep cycle.</summary>
internal enum Phase
{
    ModelStep,
    RtlTick,
    EventRead,
    Decode,
    Compare,
    History,
    ModelWait,
    RtlWait,
}

/// <summary>Records each cycle's time per phase: one timestamp per lap.</summary>
internal sealed class PhaseClock
{
    private readonly List<long>[] laps = [.. Enumerable.Range(0, Enum.GetValues<Phase>().Length).Select(_ => new List<long>(1 << 16))];
    private long mark;
    private long cycles;

    public void Start()
    {
        cycles++;
        mark = Stopwatch.GetTimestamp();
    }

    public void Lap(Phase phase)
    {
        var now = Stopwatch.GetTimestamp();
        laps[(int)phase].Add(now - mark);
        mark = now;
    }

    /// <summary>The times per phase; with <paramref name="rtlThread"/>, the RTL's phases are taken from that clock.</summary>
    public CosimPhases Result(PhaseClock? rtlThread = null)
    {
        PhaseTime Of(Phase p)
        {
            var ticks = (rtlThread is not null && p is Phase.RtlTick or Phase.EventRead or Phase.RtlWait ? rtlThread : this).laps[(int)p];
            if (ticks.Count == 0)
                return default;
            var sorted = ticks.Order().ToArray();
            double Ns(double t) => t * 1e9 / Stopwatch.Frequency;
            return new PhaseTime(Ns(sorted[sorted.Length / 2]), Ns(sorted.Average()));
        }

        return new CosimPhases(cycles, Of(Phase.ModelStep), Of(Phase.RtlTick), Of(Phase.EventRead), Of(Phase.Decode), Of(Phase.Compare), Of(Phase.History))
        {
            TwoThreads = rtlThread is not null,
            ModelWait = Of(Phase.ModelWait),
            RtlWait = Of(Phase.RtlWait),
        };
    }
}
