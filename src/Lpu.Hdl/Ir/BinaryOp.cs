namespace Lpu.Hdl.Ir;

/// <summary>Binary operators; widths as documented on <see cref="Expr"/>.</summary>
public enum BinaryOp
{
    And,
    Or,
    Xor,
    Add,
    Sub,
    Mul,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Shl,
    Shr,
    LogicalAnd,
    LogicalOr,
}
