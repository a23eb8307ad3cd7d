namespace Lpu.Cosim.Lockstep;

/// <summary>Bit fields of a wide port value held as 32-bit words, least significant first.</summary>
internal static class Bits
{
    /// <summary>The <paramref name="width"/> (at most 64) bits from bit <paramref name="offset"/>.</summary>
    public static ulong Get(ReadOnlySpan<uint> words, int offset, int width)
    {
        ulong value = 0;
        var got = 0;
        while (got < width)
        {
            var bit = offset + got;
            var word = words[bit >> 5];
            var shift = bit & 31;
            var take = Math.Min(32 - shift, width - got);
            var piece = (word >> shift) & (take == 32 ? uint.MaxValue : (1u << take) - 1);
            value |= (ulong)piece << got;
            got += take;
        }

        return value;
    }

    /// <summary>True when bit <paramref name="offset"/> is set.</summary>
    public static bool Test(ReadOnlySpan<uint> words, int offset) => ((words[offset >> 5] >> (offset & 31)) & 1) != 0;

    /// <summary>Copies bytes starting at bit <paramref name="offset"/> (any alignment) into <paramref name="target"/>.</summary>
    public static void CopyBytes(ReadOnlySpan<uint> words, int offset, Span<byte> target)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] = (byte)Get(words, offset + (8 * i), 8);
    }

    /// <summary>Sets the <paramref name="width"/> (at most 64) bits from <paramref name="offset"/> to <paramref name="value"/>.</summary>
    public static void Set(Span<uint> words, int offset, int width, ulong value)
    {
        for (var i = 0; i < width; i++)
        {
            var bit = offset + i;
            var mask = 1u << (bit & 31);
            if (((value >> i) & 1) != 0)
                words[bit >> 5] |= mask;
            else
                words[bit >> 5] &= ~mask;
        }
    }
}
