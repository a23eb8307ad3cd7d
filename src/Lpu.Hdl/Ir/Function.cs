using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

/// <summary>
/// A pure combinational function: an expression over its own arguments, emitted once per module that
/// calls it as a Verilog-2005 <c>function automatic</c> (shared subexpressions become local regs) and
/// called from expressions with <see cref="Call"/>. A simulator evaluates a call only where the
/// statement holding it runs, so a call inside a case branch costs nothing when another branch is
/// taken, where continuous assigns are evaluated whatever is selected. Declare the arguments, then
/// <see cref="Return"/> the body once; the body may read only this function's arguments and constants.
/// Mistakes are recorded and reported (with the C# line) by the module that calls the function.
/// </summary>
public sealed class Function
{
    private readonly List<ArgumentExpr> arguments = [];
    private readonly List<Diagnostic> problems = [];

    public Function(string name, int width, bool signed = false,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        Name = name;
        Source = SourceLocation.From(file, line);
        Width = width;
        Signed = signed;
        if (string.IsNullOrWhiteSpace(name))
            Report(DiagnosticKind.InvalidUse, "function name must not be empty", Source);
        if (width <= 0)
        {
            Report(DiagnosticKind.InvalidWidth, $"function '{name}' must have a positive width, has {width}", Source);
            Width = 1;
        }
    }

    /// <summary>The requested name (legalized and made unique per module when emitted).</summary>
    public string Name { get; }

    /// <summary>The result's width.</summary>
    public int Width { get; }

    /// <summary>The result's signedness.</summary>
    public bool Signed { get; }

    /// <summary>Where the function was declared.</summary>
    public SourceLocation Source { get; }

    /// <summary>The arguments, in call order.</summary>
    public IReadOnlyList<ArgumentExpr> Arguments => arguments;

    /// <summary>The result expression, once <see cref="Return"/> has set it.</summary>
    public Expr? Body { get; private set; }

    internal IReadOnlyList<Diagnostic> Problems => problems;

    /// <summary>Declares the next argument; use the returned value in the body.</summary>
    public Expr Argument(string name, int width, bool signed = false,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        if (Body is not null)
            Report(DiagnosticKind.InvalidUse, $"argument '{name}' of function '{Name}' declared after its body", at);
        if (string.IsNullOrWhiteSpace(name) || arguments.Any(a => a.Name == name))
            Report(DiagnosticKind.NameClash, $"function '{Name}' already has an argument named '{name}' (or the name is empty)", at);
        if (width <= 0)
        {
            Report(DiagnosticKind.InvalidWidth, $"argument '{name}' of function '{Name}' must have a positive width, has {width}", at);
            width = 1;
        }

        var argument = new ArgumentExpr(this, name, width, signed);
        arguments.Add(argument);
        return argument;
    }

    /// <summary>Sets the result: exactly the function's width and signedness, reading only its arguments.</summary>
    public void Return(Expr body, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(body);
        var at = SourceLocation.From(file, line);
        if (Body is not null)
        {
            Report(DiagnosticKind.InvalidUse, $"function '{Name}' already has a body", at);
            return;
        }

        Body = body;
        if (body.Width != Width)
            Report(DiagnosticKind.WidthMismatch, $"function '{Name}' returns {Width} bits but its body is {body.TypeName}", at);
        else if (body.Signed != Signed)
            Report(DiagnosticKind.SignednessMismatch, $"function '{Name}' returns {(Signed ? "signed" : "unsigned")} but its body is {body.TypeName}", at);
        CheckBody(body, at);
    }

    /// <summary>A call: one argument expression per declared argument, each of the argument's exact type.</summary>
    public Expr Call(Expr[] args, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(args);
        var call = new CallExpr(this, args).At<CallExpr>(file, line);
        if (args.Length != arguments.Count)
            return call.WithProblem<Expr>(DiagnosticKind.InvalidUse, $"function '{Name}' takes {arguments.Count} arguments, called with {args.Length}");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Width != arguments[i].Width)
                return call.WithProblem<Expr>(DiagnosticKind.WidthMismatch, $"argument '{arguments[i].Name}' of function '{Name}' is {arguments[i].TypeName}, given {args[i].TypeName}");
            if (args[i].Signed != arguments[i].Signed)
                return call.WithProblem<Expr>(DiagnosticKind.SignednessMismatch, $"argument '{arguments[i].Name}' of function '{Name}' is {arguments[i].TypeName}, given {args[i].TypeName}");
        }

        return Body is null
            ? call.WithProblem<Expr>(DiagnosticKind.InvalidUse, $"function '{Name}' is called before Return gave it a body")
            : call;
    }

    /// <summary>The body's own problems (reported once), and anything it reads that is not an argument of this function.</summary>
    private void CheckBody(Expr body, SourceLocation at)
    {
        var seen = new HashSet<Expr>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Expr>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
                continue;
            switch (node)
            {
                case Signal signal:
                    Report(DiagnosticKind.InvalidUse, $"function '{Name}' reads signal '{signal.Name}': a function may read only its arguments", at);
                    continue;
                case ArgumentExpr argument when !ReferenceEquals(argument.Function, this):
                    Report(DiagnosticKind.InvalidUse, $"function '{Name}' reads argument '{argument.Name}' of function '{argument.Function.Name}'", at);
                    continue;
                case CallExpr call:
                    problems.AddRange(call.Function.Problems);
                    break;
                default:
                    break;
            }

            if (node.Problem is { } problem)
                Report(problem.Kind, problem.Message, node.Source ?? at);
            foreach (var operand in node.Operands)
                stack.Push(operand);
        }
    }

    private void Report(DiagnosticKind kind, string message, SourceLocation at) => problems.Add(new Diagnostic(kind, message, at));
}
