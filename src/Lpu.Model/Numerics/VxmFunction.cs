namespace Lpu.Model.Numerics;

/// <summary>The element-wise VXM operations of architecture.md §6 other than <c>cvt</c> and <c>requant</c>.</summary>
public enum VxmFunction
{
    /// <summary>Binary, all types; integers saturate.</summary>
    Add,

    /// <summary>Binary, all types; integers saturate.</summary>
    Sub,

    /// <summary>Binary, all types; integers saturate.</summary>
    Mul,

    /// <summary>Binary, all types; floats: canonical NaN if either is NaN, -0 below +0.</summary>
    Min,

    /// <summary>Binary, all types; floats: canonical NaN if either is NaN, -0 below +0.</summary>
    Max,

    /// <summary>Binary, integer types.</summary>
    And,

    /// <summary>Binary, integer types.</summary>
    Or,

    /// <summary>Binary, integer types.</summary>
    Xor,

    /// <summary>Unary copy (bit operation for floats).</summary>
    Mov,

    /// <summary>Unary; integers saturate, floats flip the sign bit.</summary>
    Neg,

    /// <summary>Unary; integers saturate, floats clear the sign bit.</summary>
    Abs,

    /// <summary>Unary: max(x, 0); floats give +0 for negative inputs and -0.</summary>
    Relu,

    /// <summary>Unary bitwise complement, integer types.</summary>
    Not,

    /// <summary>Unary i8 table: Q4.4 input, tanh scaled by 128.</summary>
    Tanh,

    /// <summary>Unary i8 table: Q4.4 input, exp scaled by 32.</summary>
    Exp,

    /// <summary>Unary i8 table: Q4.4 input, 16 / sqrt.</summary>
    Rsqrt,
}
