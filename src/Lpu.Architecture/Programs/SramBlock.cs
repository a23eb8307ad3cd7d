namespace Lpu.Architecture.Programs;

/// <summary>
/// Initial SRAM contents: consecutive words of global MEM slice <c>Slice</c> (west 0..M-1, then
/// east) from word <c>Address</c>; <c>Bytes</c> holds VL bytes per word, lane order (tile k gets
/// bytes [kL, kL+L) of each word).
/// </summary>
public sealed record SramBlock(int Slice, int Address, byte[] Bytes)
{
    /// <summary>Words in the block for vector length <paramref name="vectorLength"/>.</summary>
    public int WordCount(int vectorLength) => Bytes.Length / vectorLength;
}
