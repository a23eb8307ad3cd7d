namespace Lpu.Hdl.Ir;

/// <summary>A call of a <see cref="Function"/>: the function's width and signedness; the operands are the arguments.</summary>
public sealed class CallExpr : Expr
{
    internal CallExpr(Function function, Expr[] arguments)
        : base(function.Width, function.Signed)
    {
        Function = function;
        Arguments = arguments;
    }

    public Function Function { get; }

    public IReadOnlyList<Expr> Arguments { get; }

    public override IReadOnlyList<Expr> Operands => Arguments;
}
