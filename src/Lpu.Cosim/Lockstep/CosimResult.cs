namespace Lpu.Cosim.Lockstep;

/// <summary>The outcome of a lockstep run: cycles compared, events compared, the first divergence if any, and speed.</summary>
public sealed record CosimResult(long Cycles, long EventsCompared, Divergence? Divergence, bool RtlBuildFromCache, TimeSpan LockstepTime)
{
    /// <summary>Time per phase, when <see cref="CosimOptions.MeasurePhases"/> was set.</summary>
    public CosimPhases? Phases { get; init; }

    /// <summary>True when every cycle matched.</summary>
    public bool Matches => Divergence is null;

    /// <summary>Lockstep cycles per second of host time.</summary>
    public double CyclesPerSecond => LockstepTime.TotalSeconds > 0 ? Cycles / LockstepTime.TotalSeconds : 0;
}
