namespace Lpu.Hdl.Ir;

/// <summary>A rising-edge clock and an optional reset (1-bit signals of the same module) shared by registers
/// and memory ports.</summary>
public sealed class ClockDomain
{
    /// <summary>A domain on <paramref name="clock"/>; <paramref name="reset"/> is required unless
    /// <paramref name="style"/> is <see cref="ResetStyle.None"/>.</summary>
    public ClockDomain(Signal clock, Signal? reset = null, ResetStyle style = ResetStyle.AsyncActiveLow)
    {
        Clock = clock;
        Reset = style == ResetStyle.None ? null : reset;
        Style = Reset is null ? ResetStyle.None : style;
    }

    public Signal Clock { get; }

    public Signal? Reset { get; }

    public ResetStyle Style { get; }

    internal bool IsAsync => Style is ResetStyle.AsyncActiveLow or ResetStyle.AsyncActiveHigh;

    internal bool ActiveLow => Style is ResetStyle.AsyncActiveLow or ResetStyle.SyncActiveLow;
}
