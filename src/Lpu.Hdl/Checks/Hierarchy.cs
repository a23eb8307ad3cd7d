using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Checks;

/// <summary>Walks the instance tree: each module once, children first, in first-use order.</summary>
internal static class Hierarchy
{
    public static List<Module> PostOrder(Module top, List<Diagnostic> diagnostics)
    {
        var order = new List<Module>();
        var done = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        var active = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        Visit(top, order, done, active, diagnostics);
        return order;
    }

    public static IEnumerable<(Module Child, SourceLocation At)> Children(Module module)
    {
        foreach (var instance in module.Instances)
        {
            yield return (instance.Definition, instance.Source);
        }

        foreach (var array in module.InstanceArrays)
        {
            yield return (array.Definition, array.Source);
        }
    }

    private static void Visit(Module module, List<Module> order, HashSet<Module> done, HashSet<Module> active,
        List<Diagnostic> diagnostics)
    {
        // Hierarchies are shallow (tens of levels), so recursion depth is not a concern here.
        if (done.Contains(module))
        {
            return;
        }

        active.Add(module);
        foreach (var (child, at) in Children(module))
        {
            if (active.Contains(child))
            {
                diagnostics.Add(new Diagnostic(DiagnosticKind.InvalidUse,
                    $"{module.Name}: instantiating '{child.Name}' makes the hierarchy recursive", at));
                continue;
            }

            Visit(child, order, done, active, diagnostics);
        }

        active.Remove(module);
        done.Add(module);
        order.Add(module);
    }
}
