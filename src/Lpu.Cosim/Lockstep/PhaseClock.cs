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
public sealed record CosimPhases(long Cycles, PhaseTime ModelStep, PhaseTime RtlTick, PhaseTime EventRead, PhaseTime Decode, PhaseTime Compare, PhaseTime History);

/// <summary>The phases of a lockstep cycle.</summary>
internal enum Phase
{
    ModelStep,
    RtlTick,
    EventRead,
    Decode,
    Compare,
    History,
}

/// <summary>Records each cycle's time per phase: one timestamp per lap.</summary>
internal sealed class PhaseClock
{
    private readonly List<long>[] laps = [.. Enumerable.Range(0, 6).Select(_ => new List<long>(1 << 16))];
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

    public CosimPhases Result()
    {
        PhaseTime Of(Phase p)
        {
            var ticks = laps[(int)p];
            if (ticks.Count == 0)
                return default;
            var sorted = ticks.Order().ToArray();
            double Ns(double t) => t * 1e9 / Stopwatch.Frequency;
            return new PhaseTime(Ns(sorted[sorted.Length / 2]), Ns(sorted.Average()));
        }

        return new CosimPhases(cycles, Of(Phase.ModelStep), Of(Phase.RtlTick), Of(Phase.EventRead), Of(Phase.Decode), Of(Phase.Compare), Of(Phase.History));
    }
}
