using System.Numerics;

namespace Lpu.Hdl.Ir;

/// <summary>A constant of a given width; <see cref="Bits"/> holds its two's complement bit pattern.</summary>
public sealed class Const : Expr
{
    internal Const(BigInteger bits, int width, bool signed)
        : base(width, signed) => Bits = bits;

    /// <summary>The bit pattern, in [0, 2^Width).</summary>
    public BigInteger Bits { get; }

    /// <summary>The value as read with this constant's signedness.</summary>
    public BigInteger Value => Signed && Width > 0 && !(Bits >> (Width - 1)).IsZero ? Bits - (BigInteger.One << Width) : Bits;

    public override IReadOnlyList<Expr> Operands => [];
}
