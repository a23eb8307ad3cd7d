namespace Lpu.Cosim.Lockstep;

/// <summary>
/// One event in a form both sides are converted to. The key (<see cref="Kind"/>, A..D) says what
/// and where; <see cref="Value"/> and the bytes in the owning <see cref="EventList"/> say what
/// happened. Stream: A position, B direction, C stream, D superlane. SRAM write: A slice, B
/// superlane, C address. ECC: A slice, B superlane, C address, Value 1 corrected / 2
/// uncorrectable. Issue: A queue, Value the word.
/// </summary>
public readonly record struct ObservedEvent(EventKind Kind, int A, int B, int C, int D, ulong Value, int DataOffset, int DataLength)
{
    /// <summary>Orders by key: kind, then A, B, C, D.</summary>
    public static int CompareKeys(in ObservedEvent x, in ObservedEvent y)
    {
        var c = x.Kind.CompareTo(y.Kind);
        if (c == 0)
            c = x.A.CompareTo(y.A);
        if (c == 0)
            c = x.B.CompareTo(y.B);
        if (c == 0)
            c = x.C.CompareTo(y.C);
        return c != 0 ? c : x.D.CompareTo(y.D);
    }
}
