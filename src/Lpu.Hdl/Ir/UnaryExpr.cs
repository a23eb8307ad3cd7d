namespace Lpu.Hdl.Ir;

/// <summary>A unary operator; widths as documented on <see cref="UnaryOp"/>.</summary>
public sealed class UnaryExpr : Expr
{
    internal UnaryExpr(UnaryOp op, Expr operand, int width, bool signed)
        : base(width, signed)
    {
        Op = op;
        Operand = operand;
    }

    public UnaryOp Op { get; }

    public Expr Operand { get; }

    public override IReadOnlyList<Expr> Operands => [Operand];
}
