using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

/// <summary>
/// One submodule instance. Inputs are connected to expressions of the parent (same width and signedness as
/// the port); each output appears in the parent as a signal named <c>{instance}_{port}</c>.
/// </summary>
public sealed class Instance
{
    private readonly Dictionary<string, (Expr Value, SourceLocation At)> inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Signal> outputs = new(StringComparer.Ordinal);

    internal Instance(Module parent, Module definition, string name, SourceLocation at)
    {
        Parent = parent;
        Definition = definition;
        Name = name;
        Source = at;
    }

    public Module Parent { get; }

    public Module Definition { get; }

    public string Name { get; }

    public SourceLocation Source { get; }

    /// <summary>Connects input <paramref name="port"/> to <paramref name="value"/>.</summary>
    public Instance Connect(string port, Expr value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        Parent.Use(value, at);
        var target = Definition.FindPort(port);
        if (target is null || target.Kind != SignalKind.Input)
        {
            Parent.Report(DiagnosticKind.InvalidUse, $"module '{Definition.Name}' has no input port '{port}' (instance '{Name}')", at);
            return this;
        }

        if (inputs.ContainsKey(port))
        {
            Parent.Report(DiagnosticKind.MultipleDrivers, $"input '{port}' of instance '{Name}' is connected twice", at);
            return this;
        }

        if (value.Width != target.Width)
        {
            Parent.Report(DiagnosticKind.WidthMismatch,
                $"input '{port}' of instance '{Name}' is {target.TypeName}, connected to a {value.TypeName} value", at);
        }
        else if (value.Signed != target.Signed)
        {
            Parent.Report(DiagnosticKind.SignednessMismatch,
                $"input '{port}' of instance '{Name}' is {target.TypeName}, connected to a {value.TypeName} value", at);
        }

        inputs.Add(port, (value, at));
        return this;
    }

    /// <summary>The parent-side signal of output <paramref name="port"/>.</summary>
    public Signal Output(string port, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (outputs.TryGetValue(port, out var existing))
        {
            return existing;
        }

        var at = SourceLocation.From(file, line);
        var target = Definition.FindPort(port);
        if (target is null || target.Kind != SignalKind.Output)
        {
            Parent.Report(DiagnosticKind.InvalidUse, $"module '{Definition.Name}' has no output port '{port}' (instance '{Name}')", at);
            return Parent.InstanceOutput(this, new Signal(Definition, port, SignalKind.Output, 1, false, at), at);
        }

        var signal = Parent.InstanceOutput(this, target, at);
        outputs.Add(port, signal);
        return signal;
    }

    internal (Expr Value, SourceLocation At)? InputConnection(string port) =>
        inputs.TryGetValue(port, out var connection) ? connection : null;

    internal Signal? OutputConnection(string port) => outputs.GetValueOrDefault(port);

    /// <summary>Creates the parent-side signals of outputs nobody asked for, in port order, so every port
    /// is connected in the emitted text.</summary>
    internal void CompleteOutputs()
    {
        foreach (var port in Definition.Ports.Where(p => p.Kind == SignalKind.Output))
        {
            _ = Output(port.Name, Source.File, Source.Line);
        }
    }
}
