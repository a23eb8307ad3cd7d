namespace Lpu.Rtl;

/// <summary>
/// One event field of the <c>events</c> output: its kind, unit (global slice, ALU or global queue
/// index), superlane (0 for issues) and the bit of its first element (elements follow upward).
/// </summary>
public sealed record TraceField(TraceKind Kind, int Unit, int Superlane, int Offset)
{
    /// <summary>Width of a field of <paramref name="kind"/> for L lanes per superlane.</summary>
    public static int WidthOf(TraceKind kind, int lanesPerSuperlane) => kind switch
    {
        TraceKind.MemStream => 1 + 7 + (8 * lanesPerSuperlane),
        TraceKind.VxmStream => 1 + 7 + 3 + (32 * lanesPerSuperlane),
        TraceKind.SramWrite => 1 + 16 + (8 * lanesPerSuperlane),
        TraceKind.Ecc => 1 + 1 + 16,
        _ => 1 + 64,
    };
}
