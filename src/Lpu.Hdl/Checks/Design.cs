using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Checks;

/// <summary>A checked module hierarchy: the top and every module it uses, children before parents.</summary>
public sealed class Design
{
    internal Design(Module top, IReadOnlyList<Module> modules)
    {
        Top = top;
        Modules = modules;
    }

    public Module Top { get; }

    /// <summary>Each module once, children before their parents, in first-use order; the top is last.</summary>
    public IReadOnlyList<Module> Modules { get; }
}
