namespace Lpu.Hdl.Verilog;

/// <summary>Verilog operator precedence (IEEE 1364-2005 table 5-4), higher binds tighter. The writer adds
/// parentheses only where an operand binds looser than its operator needs.</summary>
internal static class Precedence
{
    public const int Conditional = 10;
    public const int LogicalOr = 15;
    public const int LogicalAnd = 20;
    public const int BitOr = 25;
    public const int BitXor = 30;
    public const int BitAnd = 35;
    public const int Equality = 40;
    public const int Relational = 50;
    public const int Shift = 60;
    public const int Additive = 70;
    public const int Multiplicative = 80;
    public const int Unary = 90;

    /// <summary>Names, literals, concatenations, selects and system function calls.</summary>
    public const int Atom = 100;
}
