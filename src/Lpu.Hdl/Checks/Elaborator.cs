using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Checks;

/// <summary>
/// Runs every elaboration check on a module hierarchy and reports all errors together, each with the C# line
/// that created the offending thing: width or signedness mismatch, undriven output / wire / register, several
/// drivers, combinational loop, unconnected instance input, name clash, non-positive width, memory address
/// out of range (plus the problems recorded while building). Always on, in Release too.
/// </summary>
public static class Elaborator
{
    /// <summary>The checked design, or <see cref="HdlElaborationException"/> listing every error.</summary>
    public static Design Elaborate(Module top)
    {
        var (design, diagnostics) = Run(top);
        return diagnostics.Count > 0 ? throw new HdlElaborationException(diagnostics) : design;
    }

    /// <summary>Every error found (empty when the design is fine).</summary>
    public static IReadOnlyList<Diagnostic> Check(Module top) => Run(top).Diagnostics;

    private static (Design Design, IReadOnlyList<Diagnostic> Diagnostics) Run(Module top)
    {
        var diagnostics = new List<Diagnostic>();
        var modules = Hierarchy.PostOrder(top, diagnostics);
        var combPaths = new Dictionary<Module, CombPaths>(ReferenceEqualityComparer.Instance);
        foreach (var module in modules)
        {
            foreach (var instance in module.Instances)
            {
                instance.CompleteOutputs();
            }

            diagnostics.AddRange(module.Problems);
            DriverChecks.Run(module, diagnostics);
            combPaths[module] = LoopCheck.Run(module, combPaths, diagnostics);
        }

        return (new Design(top, modules), diagnostics);
    }
}
