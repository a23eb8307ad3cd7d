namespace Lpu.Hdl.Ir;

/// <summary><c>target = value</c> (next value for registers).</summary>
internal sealed class AssignStatement(Signal target, Expr value, SourceLocation at) : Statement(at)
{
    public Signal Target { get; } = target;

    public Expr Value { get; } = value;
}
