namespace Lpu.Architecture.Isa;

/// <summary>VXM operations (architecture.md §6); each is one instruction of the table.</summary>
public enum VxmOp
{
    /// <summary>a + b, integers saturate.</summary>
    Add,

    /// <summary>a - b, integers saturate.</summary>
    Sub,

    /// <summary>a x b, integers saturate.</summary>
    Mul,

    /// <summary>Minimum.</summary>
    Min,

    /// <summary>Maximum.</summary>
    Max,

    /// <summary>Bitwise and (integer types).</summary>
    And,

    /// <summary>Bitwise or (integer types).</summary>
    Or,

    /// <summary>Bitwise xor (integer types).</summary>
    Xor,

    /// <summary>Copy.</summary>
    Mov,

    /// <summary>Negate.</summary>
    Neg,

    /// <summary>Absolute value.</summary>
    Abs,

    /// <summary>max(a, 0).</summary>
    Relu,

    /// <summary>Bitwise not (integer types).</summary>
    Not,

    /// <summary>tanh on Q4.4 (i8 only).</summary>
    Tanh,

    /// <summary>exp on Q4.4 (i8 only).</summary>
    Exp,

    /// <summary>1/sqrt on Q4.4 (i8 only).</summary>
    Rsqrt,

    /// <summary>Type conversion.</summary>
    Cvt,

    /// <summary>i32 to i8 with scale, rounding shift and clamp.</summary>
    Requant,
}
