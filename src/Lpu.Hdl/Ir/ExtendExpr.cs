namespace Lpu.Hdl.Ir;

/// <summary>Widening to <see cref="Expr.Width"/> bits with zeros (unsigned result) or copies of the top bit
/// (signed result).</summary>
public sealed class ExtendExpr : Expr
{
    internal ExtendExpr(Expr operand, int width, bool sign)
        : base(width, sign) => Operand = operand;

    public Expr Operand { get; }

    public bool IsSignExtension => Signed;

    public override IReadOnlyList<Expr> Operands => [Operand];
}
