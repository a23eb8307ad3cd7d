namespace Lpu.Hdl.Ir;

/// <summary>A binary operator; widths as documented on <see cref="Expr"/>.</summary>
public sealed class BinaryExpr : Expr
{
    internal BinaryExpr(BinaryOp op, Expr left, Expr right, int width, bool signed)
        : base(width, signed)
    {
        Op = op;
        Left = left;
        Right = right;
    }

    public BinaryOp Op { get; }

    public Expr Left { get; }

    public Expr Right { get; }

    public override IReadOnlyList<Expr> Operands => [Left, Right];
}
