using System.Numerics;

namespace Lpu.Hdl.Ir;

/// <summary><c>case (Subject)</c> with constant items (bit patterns of the subject's width) and a default.</summary>
internal sealed class SwitchStatement(Expr subject, SourceLocation at) : Statement(at)
{
    public Expr Subject { get; } = subject;

    public List<(BigInteger[] Values, List<Statement> Body)> Cases { get; } = [];

    public List<Statement> Default { get; } = [];
}
