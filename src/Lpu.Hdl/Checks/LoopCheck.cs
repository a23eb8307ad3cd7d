using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Checks;

/// <summary>
/// Finds combinational loops: cycles among wires, outputs and instance outputs that no register or memory
/// breaks. Paths through a child module come from the child's own <see cref="CombPaths"/> (children are
/// checked first). Loops through instance arrays are not traced (their cells are connected by index
/// patterns). Returns this module's input-to-output combinational paths.
/// </summary>
internal static class LoopCheck
{
    public static CombPaths Run(Module module, IReadOnlyDictionary<Module, CombPaths> children, List<Diagnostic> diagnostics)
    {
        var index = new Dictionary<Signal, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < module.Signals.Count; i++)
        {
            index[module.Signals[i]] = i;
        }

        var deps = new List<int>[module.Signals.Count];
        var firstAssign = new SourceLocation?[module.Signals.Count];
        for (var i = 0; i < deps.Length; i++)
        {
            deps[i] = [];
        }

        var read = new List<Signal>();
        ExprWalk.Assignments(module.Body, (assign, conditions) =>
        {
            if (assign.Target.Kind == SignalKind.Register || !index.TryGetValue(assign.Target, out var target))
            {
                return;
            }

            firstAssign[target] ??= assign.At;
            read.Clear();
            ExprWalk.Signals(assign.Value, read);
            foreach (var condition in conditions)
            {
                ExprWalk.Signals(condition, read);
            }

            AddEdges(deps[target], read, index);
        });

        foreach (var signal in module.Signals.Where(s => s.Kind == SignalKind.InstanceOutput))
        {
            var instance = signal.Instance!;
            var port = instance.Definition.FindPort(signal.Name[(instance.Name.Length + 1)..]);
            if (port is null || !children.TryGetValue(instance.Definition, out var paths))
            {
                continue;
            }

            read.Clear();
            foreach (var input in paths.InputsOf(port))
            {
                if (instance.InputConnection(input.Name) is { } connection)
                {
                    ExprWalk.Signals(connection.Value, read);
                }
            }

            firstAssign[index[signal]] = instance.Source;
            AddEdges(deps[index[signal]], read, index);
        }

        foreach (var component in StronglyConnected.Components(deps))
        {
            var first = component.Min();
            if (component.Count == 1 && !deps[first].Contains(first))
            {
                continue;
            }

            component.Sort();
            var names = string.Join(", ", component.Select(i => $"'{module.Signals[i].Name}'"));
            diagnostics.Add(new Diagnostic(DiagnosticKind.CombinationalLoop,
                $"{module.Name}: combinational loop through {names}", firstAssign[first] ?? module.Signals[first].Source!.Value));
        }

        return CombPaths.Compute(module, deps);
    }

    private static void AddEdges(List<int> into, List<Signal> read, Dictionary<Signal, int> index)
    {
        foreach (var source in read)
        {
            if (index.TryGetValue(source, out var i) && !into.Contains(i))
            {
                into.Add(i);
            }
        }
    }
}
