using System.Numerics;

namespace Lpu.Model.Numerics;

/// <summary>
/// The SECDED code of architecture.md §5 over one tile word of n = 8L data bits: r Hamming bits
/// (the smallest r with 2^r &gt;= n + r + 1) at codeword positions 1, 2, 4, ..., data bit j at the
/// j-th position that is not a power of two, and an overall parity bit. The check field is
/// <c>hamming[r-1:0]</c> with the overall parity at bit r (r + 1 bits in all).
/// </summary>
public sealed class SecdedCode
{
    // For byte b of the word holding value v: the XOR of the codeword positions of its set bits.
    // The Hamming field is exactly the XOR of the positions of all set data bits.
    private readonly ushort[] positionXor;

    // Codeword position -> data bit index (or -1 for the Hamming positions), for correction.
    private readonly int[] dataBitAt;

    /// <summary>Builds the code for words of <paramref name="bytesPerWord"/> bytes (L lanes).</summary>
    public SecdedCode(int bytesPerWord)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerWord, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytesPerWord, 1024);
        BytesPerWord = bytesPerWord;
        var n = 8 * bytesPerWord;
        var r = 1;
        while ((1 << r) < n + r + 1)
            r++;
        HammingBits = r;

        var positions = new int[n];
        var position = 1;
        for (var j = 0; j < n; j++)
        {
            while (BitOperations.IsPow2(position))
                position++;
            positions[j] = position++;
        }

        CodewordBits = n + r;
        dataBitAt = new int[CodewordBits + 1];
        Array.Fill(dataBitAt, -1);
        for (var j = 0; j < n; j++)
            dataBitAt[positions[j]] = j;

        positionXor = new ushort[bytesPerWord * 256];
        for (var b = 0; b < bytesPerWord; b++)
        {
            for (var v = 0; v < 256; v++)
            {
                var x = 0;
                for (var bit = 0; bit < 8; bit++)
                {
                    if ((v >> bit & 1) != 0)
                        x ^= positions[8 * b + bit];
                }

                positionXor[b * 256 + v] = (ushort)x;
            }
        }
    }

    /// <summary>Data bytes per word (L).</summary>
    public int BytesPerWord { get; }

    /// <summary>Number of Hamming bits r.</summary>
    public int HammingBits { get; }

    /// <summary>Width of the stored check field: r + 1.</summary>
    public int CheckBits => HammingBits + 1;

    /// <summary>Codeword length without the overall parity bit: n + r.</summary>
    public int CodewordBits { get; }

    /// <summary>The check field (Hamming bits, overall parity at bit r) of <paramref name="data"/>.</summary>
    public ushort Encode(ReadOnlySpan<byte> data)
    {
        var hamming = HammingOf(data, out var dataParity);
        var parity = (dataParity + BitOperations.PopCount((uint)hamming)) & 1;
        return (ushort)(hamming | parity << HammingBits);
    }

    /// <summary>
    /// Checks <paramref name="data"/> against the stored <paramref name="check"/> field and corrects
    /// a single data-bit error in place; a double error leaves the data as read.
    /// </summary>
    public EccStatus Decode(Span<byte> data, ushort check)
    {
        var storedHamming = check & ((1 << HammingBits) - 1);
        var hamming = HammingOf(data, out var dataParity);
        var syndrome = hamming ^ storedHamming;
        // Parity over every stored bit: data, Hamming and the parity bit itself; 0 when intact.
        var parityWrong = ((dataParity + BitOperations.PopCount((uint)check & ((2u << HammingBits) - 1))) & 1) != 0;
        if (!parityWrong)
            return syndrome == 0 ? EccStatus.Ok : EccStatus.Uncorrectable;
        if (syndrome > CodewordBits)
            return EccStatus.Uncorrectable;
        var dataBit = syndrome == 0 ? -1 : dataBitAt[syndrome];
        if (dataBit >= 0)
            data[dataBit >> 3] ^= (byte)(1 << (dataBit & 7));
        return EccStatus.Corrected;
    }

    private int HammingOf(ReadOnlySpan<byte> data, out int parity)
    {
        if (data.Length != BytesPerWord)
            throw new ArgumentException($"a word has {BytesPerWord} bytes, got {data.Length}", nameof(data));
        var x = 0;
        var fold = 0; // the XOR of all bytes has the parity of all data bits
        for (var b = 0; b < data.Length; b++)
        {
            x ^= positionXor[(b * 256) + data[b]];
            fold ^= data[b];
        }

        parity = BitOperations.PopCount((uint)fold) & 1;
        return x;
    }
}
