using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

/// <summary>
/// A 1-D or 2-D grid of instances of one module, emitted as a Verilog <c>generate for</c>: text and
/// generator memory stay constant whatever the size. Each port is connected either to one expression shared by
/// every cell (inputs only, e.g. the clock) or to a <see cref="NetArray"/> pattern in the cell's indices
/// (<c>Ix.I</c> = row, <c>Ix.J</c> = column), e.g. cell (i, j) reads <c>h[i][j]</c> and drives <c>h[i][j+1]</c>.
/// Every port must be connected.
/// </summary>
public sealed class InstanceArray
{
    private readonly Dictionary<string, object> connections = new(StringComparer.Ordinal);

    internal InstanceArray(Module parent, Module definition, string name, int[] dimensions, SourceLocation at)
    {
        Parent = parent;
        Definition = definition;
        Name = name;
        Dimensions = dimensions;
        Source = at;
    }

    public Module Parent { get; }

    public Module Definition { get; }

    public string Name { get; }

    /// <summary>Rows, or rows and columns.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    public SourceLocation Source { get; }

    internal long Count => Dimensions.Aggregate(1L, (a, b) => a * b);

    /// <summary>Connects input <paramref name="port"/> of every cell to the same <paramref name="value"/>.</summary>
    public InstanceArray Connect(string port, Expr value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        Parent.Use(value, at);
        var target = Port(port, at);
        if (target is null)
        {
            return this;
        }

        if (target.Kind != SignalKind.Input)
        {
            Parent.Report(DiagnosticKind.InvalidUse, $"output '{port}' of instance array '{Name}' must connect to a net array", at);
        }
        else
        {
            CheckType(port, target, value.Width, value.Signed, value is Signal s ? s.Name : "value", at);
        }

        connections[port] = new Connection(value, null, at);
        return this;
    }

    /// <summary>Connects <paramref name="port"/> of cell (i, j) to the elements <paramref name="pattern"/> names.</summary>
    public InstanceArray Connect(string port, NetArrayRef pattern, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        var target = Port(port, at);
        if (target is null)
        {
            return this;
        }

        if (!ReferenceEquals(pattern.Array.Owner, Parent))
        {
            Parent.Report(DiagnosticKind.InvalidUse, $"net array '{pattern.Array.Name}' of module '{pattern.Array.Owner.Name}' is used here", at);
        }

        CheckType(port, target, pattern.Array.Width, pattern.Array.Signed, pattern.Array.Name, at);
        Parent.CheckPattern(pattern, Dimensions.Count, at);
        connections[port] = new Connection(null, pattern, at);
        return this;
    }

    internal Connection? ConnectionOf(string port) => connections.GetValueOrDefault(port) as Connection;

    private Signal? Port(string port, SourceLocation at)
    {
        var target = Definition.FindPort(port);
        if (target is null)
        {
            Parent.Report(DiagnosticKind.InvalidUse, $"module '{Definition.Name}' has no port '{port}' (instance array '{Name}')", at);
        }
        else if (connections.ContainsKey(port))
        {
            Parent.Report(DiagnosticKind.MultipleDrivers, $"port '{port}' of instance array '{Name}' is connected twice", at);
            return null;
        }

        return target;
    }

    private void CheckType(string port, Signal target, int width, bool signed, string what, SourceLocation at)
    {
        if (width != target.Width || signed != target.Signed)
        {
            Parent.Report(width != target.Width ? DiagnosticKind.WidthMismatch : DiagnosticKind.SignednessMismatch,
                $"port '{port}' of instance array '{Name}' is {target.TypeName}, connected to {what} ({width}-bit {(signed ? "signed" : "unsigned")})", at);
        }
    }

    /// <summary>One port's connection: a shared expression or a net array pattern.</summary>
    internal sealed record Connection(Expr? Value, NetArrayRef? Pattern, SourceLocation At);
}
