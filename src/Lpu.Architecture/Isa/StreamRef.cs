namespace Lpu.Architecture.Isa;

/// <summary>
/// A stream register index and direction, written <c>e4</c> or <c>w3</c>. Encoded in 7 bits:
/// bit 6 the direction (1 = west), bits 5:0 the index.
/// </summary>
public readonly record struct StreamRef(Direction Direction, int Index)
{
    /// <summary>The eastward stream <paramref name="index"/>.</summary>
    public static StreamRef East(int index) => new(Direction.East, index);

    /// <summary>The westward stream <paramref name="index"/>.</summary>
    public static StreamRef West(int index) => new(Direction.West, index);

    /// <summary>The 7-bit operand value.</summary>
    public long Code => ((long)Direction << 6) | (uint)Index;

    /// <summary>The stream <paramref name="n"/> registers further (multi-byte elements, transpose).</summary>
    public StreamRef Offset(int n) => this with { Index = Index + n };

    /// <summary>Decodes a 7-bit operand value.</summary>
    public static StreamRef FromCode(long code) => new((Direction)((code >> 6) & 1), (int)(code & 63));

    /// <inheritdoc/>
    public override string ToString() => $"{(Direction == Direction.East ? 'e' : 'w')}{Index}";
}
