namespace Lpu.Cosim.Lockstep;

/// <summary>
/// One event in a form both sides are converted to. The packed <see cref="Key"/> says what and
/// where, and orders events (kind, then A, B, C, D) with one integer compare; <see cref="Value"/> and
/// the bytes in the owning <see cref="EventList"/> say what happened. Stream: A position, B
/// direction, C stream, D superlane. SRAM write: A slice, B superlane, C address. ECC: A slice, B
/// superlane, C address, Value 1 corrected / 2 uncorrectable. Issue: A queue, Value the word.
/// </summary>
public readonly record struct ObservedEvent(ulong Key, ulong Value, int DataOffset, int DataLength)
{
    private const int ABits = 20, BBits = 8, CBits = 18, DBits = 16;
    private const int DShift = 0, CShift = DBits, BShift = CShift + CBits, AShift = BShift + BBits, KindShift = AShift + ABits;

    /// <summary>What happened.</summary>
    public EventKind Kind => (EventKind)(Key >> KindShift);

    /// <summary>Position, slice or queue.</summary>
    public int A => Field(AShift, ABits);

    /// <summary>Direction or superlane.</summary>
    public int B => Field(BShift, BBits);

    /// <summary>Stream or address.</summary>
    public int C => Field(CShift, CBits);

    /// <summary>Superlane of a stream event.</summary>
    public int D => Field(DShift, DBits);

    /// <summary>The key of an event; a part that does not fit its bits is an error (keys must never collide).</summary>
    public static ulong MakeKey(EventKind kind, int a, int b, int c, int d)
    {
        if ((uint)a >= 1u << ABits || (uint)b >= 1u << BBits || (uint)c >= 1u << CBits || (uint)d >= 1u << DBits)
            throw new ArgumentOutOfRangeException(nameof(a), $"{kind} event ({a}, {b}, {c}, {d}) does not fit the packed key ({ABits}, {BBits}, {CBits}, {DBits} bits)");
        return ((ulong)kind << KindShift) | ((ulong)(uint)a << AShift) | ((ulong)(uint)b << BShift) | ((ulong)(uint)c << CShift) | (uint)d;
    }

    /// <summary>
    /// The direction and stream part of a stream event's key, to add to a key made with both 0: a
    /// 7-bit stream code (direction, then index), the index plus <paramref name="next"/> (always fits).
    /// </summary>
    internal static ulong StreamPart(uint code, uint next = 0) => ((ulong)((code >> 6) & 1) << BShift) | ((ulong)((code & 63) + next) << CShift);

    /// <summary>The word address part of an SRAM write or ECC key (16 bits), to add to a key made with address 0.</summary>
    internal static ulong AddressPart(uint address) => (ulong)(address & 0xffff) << CShift;

    private int Field(int shift, int bits) => (int)((Key >> shift) & ((1UL << bits) - 1));
}
