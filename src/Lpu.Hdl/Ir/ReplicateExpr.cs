namespace Lpu.Hdl.Ir;

/// <summary><see cref="Count"/> copies of an operand side by side; unsigned, width = count x operand width.</summary>
public sealed class ReplicateExpr : Expr
{
    internal ReplicateExpr(Expr operand, int count)
        : base(Math.Max(1, operand.Width * count), false)
    {
        Operand = operand;
        Count = count;
    }

    public Expr Operand { get; }

    public int Count { get; }

    public override IReadOnlyList<Expr> Operands => [Operand];
}
