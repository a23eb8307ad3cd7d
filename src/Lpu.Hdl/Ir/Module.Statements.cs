using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

public sealed partial class Module
{
    /// <summary>
    /// <paramref name="target"/> = <paramref name="value"/> where the enclosing conditions hold; for a register
    /// this is its next value. The last applicable assignment wins. Width and signedness must match exactly.
    /// </summary>
    public void Assign(Signal target, Expr value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        Use(value, at);
        CheckTarget(target, at);
        if (value.Width > target.Width)
        {
            Report(DiagnosticKind.WidthMismatch,
                $"assigning a {value.TypeName} value to {target.TypeName} '{target.Name}': use Truncate({target.Width})", at);
        }
        else if (value.Width < target.Width)
        {
            Report(DiagnosticKind.WidthMismatch,
                $"assigning a {value.TypeName} value to {target.TypeName} '{target.Name}': use ZeroExtend, SignExtend or Extend({target.Width})", at);
        }
        else if (value.Signed != target.Signed)
        {
            Report(DiagnosticKind.SignednessMismatch,
                $"assigning a {value.TypeName} value to {target.TypeName} '{target.Name}': use {(target.Signed ? "AsSigned" : "AsUnsigned")}()", at);
        }

        scope.Add(new AssignStatement(target, value, at));
    }

    /// <summary>
    /// Assigns only bits <c>[lsb + w - 1 : lsb]</c> of <paramref name="target"/> (w the width of the unsigned
    /// <paramref name="value"/>) where the enclosing conditions hold; the other bits keep what earlier
    /// assignments gave them (the default for a wire, the held value for a register). Lets a block start
    /// from a whole value and overwrite only the parts a condition selects, so a simulator pays for the
    /// parts that change instead of a multiplexer per part.
    /// </summary>
    public void AssignPart(Signal target, int lsb, Expr value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        Use(value, at);
        CheckTarget(target, at);
        if (lsb < 0 || lsb + value.Width > target.Width)
        {
            Report(DiagnosticKind.IndexOutOfRange,
                $"part [{lsb + value.Width - 1}:{lsb}] of {target.TypeName} '{target.Name}' is out of range", at);
        }
        else if (value.Signed)
        {
            Report(DiagnosticKind.SignednessMismatch,
                $"assigning a {value.TypeName} value to a part of '{target.Name}' (parts are unsigned): use AsUnsigned()", at);
        }

        scope.Add(new AssignStatement(target, value, at, lsb));
    }

    /// <summary>Assigns a constant of the target's width and signedness.</summary>
    public void Assign(Signal target, long value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Assign(target, Builder.Const(value, target.Width, target.Signed).At<Expr>(file, line), file, line);

    /// <summary>Runs <paramref name="body"/>'s assignments only when the 1-bit <paramref name="condition"/> holds.
    /// Continue with <see cref="WhenBuilder.ElseWhen"/> / <see cref="WhenBuilder.Otherwise"/>.</summary>
    public WhenBuilder When(Expr condition, Action body, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var statement = NewIf(condition, SourceLocation.From(file, line));
        scope.Add(statement);
        InScope(statement.Then, body);
        return new WhenBuilder(this, statement);
    }

    /// <summary>A <c>case</c> on <paramref name="subject"/>; add cases to the returned builder.</summary>
    public SwitchBuilder Switch(Expr subject, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        Use(subject, at);
        var statement = new SwitchStatement(subject, at);
        scope.Add(statement);
        return new SwitchBuilder(this, statement);
    }

    private void CheckTarget(Signal target, SourceLocation at)
    {
        if (!ReferenceEquals(target.Owner, this))
        {
            Report(DiagnosticKind.InvalidUse, $"signal '{target.Name}' of module '{target.Owner.Name}' is assigned here", at);
            return;
        }

        var driver = target.Kind switch
        {
            SignalKind.Input => "the parent module (it is an input)",
            SignalKind.InstanceOutput => $"instance '{target.Instance!.Name}'",
            SignalKind.MemoryReadData => "a memory read port",
            _ => null,
        };
        if (driver is not null)
        {
            Report(DiagnosticKind.MultipleDrivers, $"'{target.Name}' is assigned here but is driven by {driver}", at);
        }
    }
}
