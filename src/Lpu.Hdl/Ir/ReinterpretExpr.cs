namespace Lpu.Hdl.Ir;

/// <summary>The same bits with the other signedness; no hardware.</summary>
public sealed class ReinterpretExpr : Expr
{
    internal ReinterpretExpr(Expr operand, bool signed)
        : base(operand.Width, signed) => Operand = operand;

    public Expr Operand { get; }

    public override IReadOnlyList<Expr> Operands => [Operand];
}
