namespace Lpu.Cosim.Lockstep;

/// <summary>Bit fields of a wide port value held as 32-bit words, least significant first (host port writes).</summary>
internal static class Bits
{
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
