namespace Lpu.Hdl.Ir;

/// <summary>Unary operators: <c>~</c> keeps the width; <c>-</c> widens by one and is signed;
/// the rest give 1 bit.</summary>
public enum UnaryOp
{
    Not,
    Negate,
    LogicalNot,
    ReduceAnd,
    ReduceOr,
    ReduceXor,
}
