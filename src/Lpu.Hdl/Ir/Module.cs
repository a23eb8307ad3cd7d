using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

/// <summary>
/// A hardware module under construction: ports, wires, registers, memories, instances and a
/// conditional-assignment body. Every method records the C# line that called it; mistakes are collected
/// and reported together by elaboration (<see cref="Checks.Elaborator"/>), never thrown one by one.
/// Emitted as one Verilog-2005 module (see <c>VerilogEmitter</c>).
/// </summary>
public sealed partial class Module
{
    private readonly Dictionary<string, SourceLocation> names = new(StringComparer.Ordinal);
    private readonly List<Signal> signals = [];
    private readonly List<Memory> memories = [];
    private readonly List<Instance> instances = [];
    private readonly List<Statement> body = [];
    private readonly List<Diagnostic> problems = [];
    private readonly HashSet<Function> reportedFunctions = new(ReferenceEqualityComparer.Instance);
    private List<Statement> scope;

    /// <summary>A new, empty module named <paramref name="name"/>.</summary>
    public Module(string name, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Name = name;
        Source = SourceLocation.From(file, line);
        scope = body;
        if (string.IsNullOrWhiteSpace(name))
        {
            Report(DiagnosticKind.InvalidUse, "module name must not be empty", Source);
        }
    }

    /// <summary>The requested name (the emitter may add a suffix if another, different module has it).</summary>
    public string Name { get; }

    /// <summary>Where the module was created.</summary>
    public SourceLocation Source { get; }

    /// <summary>Every signal in creation order (ports, wires, registers, instance outputs, read data).</summary>
    public IReadOnlyList<Signal> Signals => signals;

    /// <summary>Input and output ports, in declaration order.</summary>
    public IEnumerable<Signal> Ports => signals.Where(s => s.Kind is SignalKind.Input or SignalKind.Output);

    public IReadOnlyList<Memory> Memories => memories;

    public IReadOnlyList<Instance> Instances => instances;

    internal IReadOnlyList<Statement> Body => body;

    internal IReadOnlyList<Diagnostic> Problems => problems;

    /// <summary>The port called <paramref name="name"/>, or null.</summary>
    public Signal? FindPort(string name) => Ports.FirstOrDefault(p => p.Name == name);

    /// <summary>The module name.</summary>
    public override string ToString() => Name;

    internal void Report(DiagnosticKind kind, string message, SourceLocation at) =>
        problems.Add(new Diagnostic(kind, $"{Name}: {message}", at));

    internal void ClaimName(string name, string what, SourceLocation at)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Report(DiagnosticKind.InvalidUse, $"{what} name must not be empty", at);
        }
        else if (names.TryGetValue(name, out var first))
        {
            Report(DiagnosticKind.NameClash, $"name '{name}' is already used (at {first})", at);
        }
        else
        {
            names.Add(name, at);
        }
    }

    internal int CheckWidth(int width, string what, SourceLocation at)
    {
        if (width > 0)
        {
            return width;
        }

        Report(DiagnosticKind.InvalidWidth, $"{what} must have a positive width, has {width}", at);
        return 1;
    }

    /// <summary>Checks an expression used by this module: reports its nodes' problems (once each) and
    /// signals of other modules.</summary>
    internal void Use(Expr expr, SourceLocation at)
    {
        var stack = new Stack<Expr>();
        stack.Push(expr);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is Signal signal)
            {
                if (!ReferenceEquals(signal.Owner, this))
                {
                    Report(DiagnosticKind.InvalidUse, $"signal '{signal.Name}' of module '{signal.Owner.Name}' is used here", at);
                }

                continue;
            }

            if (node is ArgumentExpr argument)
            {
                Report(DiagnosticKind.InvalidUse, $"argument '{argument.Name}' of function '{argument.Function.Name}' is used outside the function's body", at);
                continue;
            }

            if (node is CallExpr call && reportedFunctions.Add(call.Function))
            {
                foreach (var failure in call.Function.Problems)
                {
                    problems.Add(failure with { Message = $"{Name}: {failure.Message}" });
                }
            }

            if (node.Checked)
            {
                continue;
            }

            node.Checked = true;
            if (node.Problem is { } problem)
            {
                Report(problem.Kind, problem.Message, node.Source ?? at);
            }

            foreach (var operand in node.Operands)
            {
                stack.Push(operand);
            }
        }
    }

    internal void RequireBit(Expr condition, string what, SourceLocation at)
    {
        Use(condition, at);
        if (condition.Width != 1)
        {
            Report(DiagnosticKind.WidthMismatch, $"{what} must be 1 bit, is {condition.TypeName}", at);
        }
    }

    internal void InScope(List<Statement> inner, Action build)
    {
        var outer = scope;
        scope = inner;
        try
        {
            build();
        }
        finally
        {
            scope = outer;
        }
    }

    internal IfStatement NewIf(Expr condition, SourceLocation at)
    {
        RequireBit(condition, "condition", at);
        return new IfStatement(condition, at);
    }

    private Signal AddSignal(Signal signal)
    {
        signals.Add(signal);
        return signal;
    }
}
