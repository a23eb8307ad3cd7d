namespace Lpu.Hdl.Ir;

/// <summary><c>target = value</c> (next value for registers), or, with <see cref="Lsb"/>, only the target's bits
/// <c>[Lsb + value width - 1 : Lsb]</c>: the other bits keep what earlier statements gave them.</summary>
internal sealed class AssignStatement(Signal target, Expr value, SourceLocation at, int? lsb = null) : Statement(at)
{
    public Signal Target { get; } = target;

    public Expr Value { get; } = value;

    /// <summary>The lowest target bit a part assignment writes; null when the whole target is assigned.</summary>
    public int? Lsb { get; } = lsb;

    public bool IsWhole => Lsb is null;
}
