namespace Lpu.Hdl.Ir;

/// <summary>An argument of a <see cref="Function"/>, usable only inside that function's body.</summary>
public sealed class ArgumentExpr : Expr
{
    internal ArgumentExpr(Function function, string name, int width, bool signed)
        : base(width, signed)
    {
        Function = function;
        Name = name;
    }

    public Function Function { get; }

    public string Name { get; }

    public override IReadOnlyList<Expr> Operands => [];
}
