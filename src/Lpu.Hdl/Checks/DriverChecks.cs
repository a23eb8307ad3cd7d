using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Checks;

/// <summary>Undriven and multiply driven signals, unconnected instance ports, net array coverage.</summary>
internal static class DriverChecks
{
    public static void Run(Module module, List<Diagnostic> diagnostics)
    {
        var assigned = new HashSet<Signal>(ReferenceEqualityComparer.Instance);
        ExprWalk.Assignments(module.Body, (assign, _) => assigned.Add(assign.Target));

        var packed = new Dictionary<Signal, SourceLocation>(ReferenceEqualityComparer.Instance);
        foreach (var link in module.BusLinks.Where(l => !l.ToArray))
        {
            var bus = (Signal)link.Bus;
            if (assigned.Contains(bus) || packed.ContainsKey(bus))
            {
                diagnostics.Add(new Diagnostic(DiagnosticKind.MultipleDrivers,
                    $"{module.Name}: '{bus.Name}' is driven by Pack and by another driver", link.At));
            }

            packed.TryAdd(bus, link.At);
        }

        foreach (var signal in module.Signals)
        {
            var what = signal.Kind switch
            {
                SignalKind.Output => "output",
                SignalKind.Wire => "wire",
                SignalKind.Register => "register",
                _ => null,
            };
            if (what is not null && !assigned.Contains(signal) && !packed.ContainsKey(signal))
            {
                diagnostics.Add(new Diagnostic(DiagnosticKind.Undriven, $"{module.Name}: {what} '{signal.Name}' is never driven", signal.Source!.Value));
            }
        }

        foreach (var instance in module.Instances)
        {
            foreach (var port in instance.Definition.Ports.Where(p => p.Kind == SignalKind.Input))
            {
                if (instance.InputConnection(port.Name) is null)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticKind.UnconnectedPort,
                        $"{module.Name}: input '{port.Name}' of instance '{instance.Name}' (module '{instance.Definition.Name}') is not connected",
                        instance.Source));
                }
            }
        }

        foreach (var array in module.InstanceArrays)
        {
            foreach (var port in array.Definition.Ports)
            {
                if (array.ConnectionOf(port.Name) is null)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticKind.UnconnectedPort,
                        $"{module.Name}: port '{port.Name}' of instance array '{array.Name}' (module '{array.Definition.Name}') is not connected",
                        array.Source));
                }
            }
        }

        ArrayChecks.Run(module, diagnostics);
    }
}
