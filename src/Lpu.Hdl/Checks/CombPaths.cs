using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Checks;

/// <summary>For each output port of a module, the input ports it depends on combinationally.</summary>
internal sealed class CombPaths
{
    private readonly Dictionary<Signal, List<Signal>> inputsOf = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<Signal> InputsOf(Signal output) => inputsOf.TryGetValue(output, out var inputs) ? inputs : [];

    public static CombPaths Compute(Module module, List<int>[] deps)
    {
        var paths = new CombPaths();
        for (var o = 0; o < module.Signals.Count; o++)
        {
            if (module.Signals[o].Kind != SignalKind.Output)
            {
                continue;
            }

            var seen = new bool[deps.Length];
            var stack = new Stack<int>();
            var inputs = new List<Signal>();
            stack.Push(o);
            seen[o] = true;
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (module.Signals[node].Kind == SignalKind.Input)
                {
                    inputs.Add(module.Signals[node]);
                }

                foreach (var next in deps[node].Where(n => !seen[n]))
                {
                    seen[next] = true;
                    stack.Push(next);
                }
            }

            paths.inputsOf[module.Signals[o]] = inputs;
        }

        return paths;
    }
}
