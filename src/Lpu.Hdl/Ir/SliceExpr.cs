namespace Lpu.Hdl.Ir;

/// <summary>Bits [High:Low] of an operand. Unsigned, except for <see cref="Expr.Truncate"/> which keeps the
/// operand's signedness.</summary>
public sealed class SliceExpr : Expr
{
    internal SliceExpr(Expr operand, int high, int low, bool signed)
        : base(Math.Max(1, high - low + 1), signed)
    {
        Operand = operand;
        High = high;
        Low = low;
    }

    public Expr Operand { get; }

    public int High { get; }

    public int Low { get; }

    public override IReadOnlyList<Expr> Operands => [Operand];
}
