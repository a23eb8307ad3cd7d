namespace Lpu.Architecture.Isa;

/// <summary>
/// One operand field of an instruction word: bits [Lsb + Width - 1 : Lsb], unsigned unless the
/// kind is <see cref="OperandKind.Signed"/>; stream fields occupy <see cref="Span"/> streams.
/// A field with a <see cref="Default"/> may be left out at the end of an assembly line.
/// </summary>
public sealed record OperandField(string Name, OperandKind Kind, int Lsb, int Width, StreamSpan Span, string Doc, long? Default = null)
{
    /// <summary>Most significant bit.</summary>
    public int Msb => Lsb + Width - 1;

    /// <summary>Smallest encodable value.</summary>
    public long Min => Kind == OperandKind.Signed ? -(1L << (Width - 1)) : 0;

    /// <summary>Largest encodable value.</summary>
    public long Max => Kind == OperandKind.Signed ? (1L << (Width - 1)) - 1 : (long)((1UL << Width) - 1);

    /// <summary>True for stream operands.</summary>
    public bool IsStream => Kind is OperandKind.StreamRead or OperandKind.StreamWrite;
}
