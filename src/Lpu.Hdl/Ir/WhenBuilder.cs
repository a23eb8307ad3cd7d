using System.Runtime.CompilerServices;

namespace Lpu.Hdl.Ir;

/// <summary>Continues a <see cref="Module.When"/> with else-when branches and an otherwise branch.</summary>
public sealed class WhenBuilder
{
    private readonly Module module;
    private IfStatement last;
    private bool closed;

    internal WhenBuilder(Module module, IfStatement first)
    {
        this.module = module;
        last = first;
    }

    /// <summary>Runs <paramref name="body"/> when no earlier condition held and <paramref name="condition"/> does.</summary>
    public WhenBuilder ElseWhen(Expr condition, Action body,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        if (closed)
        {
            module.Report(Checks.DiagnosticKind.InvalidUse, "ElseWhen after Otherwise", at);
            return this;
        }

        var next = module.NewIf(condition, at);
        last.Else.Add(next);
        module.InScope(next.Then, body);
        last = next;
        return this;
    }

    /// <summary>Runs <paramref name="body"/> when no condition held.</summary>
    public void Otherwise(Action body, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (closed)
        {
            module.Report(Checks.DiagnosticKind.InvalidUse, "second Otherwise", SourceLocation.From(file, line));
            return;
        }

        closed = true;
        module.InScope(last.Else, body);
    }
}
