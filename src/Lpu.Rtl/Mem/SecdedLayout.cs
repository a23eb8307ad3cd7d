using System.Numerics;

namespace Lpu.Rtl.Mem;

/// <summary>
/// The SECDED code of architecture.md §5 for n = 8L data bits, computed from its definition:
/// r Hamming bits (smallest r with 2^r &gt;= n + r + 1) at codeword positions 1, 2, 4, ...; data
/// bit j at the j-th position that is not a power of two; the stored check field is
/// <c>hamming[r-1:0]</c> with the overall parity at bit r.
/// </summary>
internal sealed class SecdedLayout
{
    private readonly int[] positions;

    public SecdedLayout(int lanes)
    {
        DataBits = 8 * lanes;
        var r = 1;
        while ((1 << r) < DataBits + r + 1)
        {
            r++;
        }

        HammingBits = r;
        positions = new int[DataBits];
        var position = 1;
        for (var j = 0; j < DataBits; j++)
        {
            while (BitOperations.IsPow2(position))
            {
                position++;
            }

            positions[j] = position++;
        }
    }

    /// <summary>n = 8L.</summary>
    public int DataBits { get; }

    /// <summary>r.</summary>
    public int HammingBits { get; }

    /// <summary>Stored check bits: r Hamming bits and the overall parity.</summary>
    public int CheckBits => HammingBits + 1;

    /// <summary>The highest codeword position, n + r; a larger syndrome names no bit.</summary>
    public int CodewordBits => DataBits + HammingBits;

    /// <summary>Codeword position (from 1) of data bit <paramref name="j"/>.</summary>
    public int PositionOf(int j) => positions[j];

    /// <summary>Mask over the data bits whose position has bit <paramref name="i"/> set: Hamming bit
    /// i is the XOR of the data under it.</summary>
    public BigInteger CoverMask(int i)
    {
        var mask = BigInteger.Zero;
        for (var j = 0; j < DataBits; j++)
        {
            if ((positions[j] >> i & 1) != 0)
            {
                mask |= BigInteger.One << j;
            }
        }

        return mask;
    }
}
