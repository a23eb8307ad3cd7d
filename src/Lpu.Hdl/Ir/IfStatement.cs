namespace Lpu.Hdl.Ir;

/// <summary><c>if (Condition) Then else Else</c>; else-when chains nest an if in <see cref="Else"/>.</summary>
internal sealed class IfStatement(Expr condition, SourceLocation at) : Statement(at)
{
    public Expr Condition { get; } = condition;

    public List<Statement> Then { get; } = [];

    public List<Statement> Else { get; } = [];
}
