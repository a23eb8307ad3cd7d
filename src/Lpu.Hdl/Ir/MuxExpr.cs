namespace Lpu.Hdl.Ir;

/// <summary><c>Condition ? WhenTrue : WhenFalse</c>; a 1-bit condition, branches of one type.</summary>
public sealed class MuxExpr : Expr
{
    internal MuxExpr(Expr condition, Expr whenTrue, Expr whenFalse)
        : base(whenTrue.Width, whenTrue.Signed)
    {
        Condition = condition;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public Expr Condition { get; }

    public Expr WhenTrue { get; }

    public Expr WhenFalse { get; }

    public override IReadOnlyList<Expr> Operands => [Condition, WhenTrue, WhenFalse];
}
