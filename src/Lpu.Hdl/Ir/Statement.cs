namespace Lpu.Hdl.Ir;

/// <summary>A node of a module's conditional-assignment tree (last assignment wins).</summary>
internal abstract class Statement(SourceLocation at)
{
    public SourceLocation At { get; } = at;
}
