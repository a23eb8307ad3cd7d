namespace Lpu.Rtl;

/// <summary>
/// One event field of the <c>events</c> output: its kind, unit (global slice, ALU or global queue
/// index), superlane (0 for issues) and the bit of its first element (elements follow upward).
/// A field is whole 32-bit words: a header word at <see cref="Offset"/> (valid at bit 0, then the
/// kind's code, count or address bits), then its data from <see cref="DataOffset"/>. Word
/// alignment makes each word of the port a copy of one register word rather than bits shifted
/// together from two, which Verilator would redo on every tick (docs/rtl.md "Event port").
/// </summary>
public sealed record TraceField(TraceKind Kind, int Unit, int Superlane, int Offset)
{
    /// <summary>Bits of the header word.</summary>
    public const int HeaderBits = 32;

    /// <summary>The bit where the field's data starts (the word after the header).</summary>
    public int DataOffset => Offset + HeaderBits;

    /// <summary>Width of a field of <paramref name="kind"/> for L lanes per superlane: the header word and the data, in whole words.</summary>
    public static int WidthOf(TraceKind kind, int lanesPerSuperlane) => HeaderBits + RoundUpToWord(DataWidthOf(kind, lanesPerSuperlane));

    /// <summary>Bits of data after the header word (0 for ECC, whose header holds everything).</summary>
    private static int DataWidthOf(TraceKind kind, int lanesPerSuperlane) => kind switch
    {
        TraceKind.MemStream => 8 * lanesPerSuperlane,
        TraceKind.VxmStream => 32 * lanesPerSuperlane,
        TraceKind.SramWrite => 8 * lanesPerSuperlane,
        TraceKind.Ecc => 0,
        _ => 64,
    };

    private static int RoundUpToWord(int bits) => (bits + 31) / 32 * 32;
}
