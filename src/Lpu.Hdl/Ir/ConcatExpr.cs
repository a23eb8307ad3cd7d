namespace Lpu.Hdl.Ir;

/// <summary>Concatenation, most significant part first (as in Verilog); unsigned, width = sum of parts.</summary>
public sealed class ConcatExpr : Expr
{
    internal ConcatExpr(Expr[] parts, int width)
        : base(width, false) => Parts = parts;

    /// <summary>Most significant first.</summary>
    public IReadOnlyList<Expr> Parts { get; }

    public override IReadOnlyList<Expr> Operands => Parts;
}
