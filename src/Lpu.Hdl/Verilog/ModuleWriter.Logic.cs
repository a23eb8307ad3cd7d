using System.Text;
using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Verilog;

internal sealed partial class ModuleWriter
{
    private Dictionary<Statement, HashSet<Signal>>? targets;
    private Dictionary<Signal, List<Statement>>? topLevel;

    private Dictionary<Statement, HashSet<Signal>> Targets => targets ??= CollectTargets();

    /// <summary>For each assigned signal, the top-level statements that assign it, in body order (so each
    /// block walks only its own statements, not the whole body).</summary>
    private Dictionary<Signal, List<Statement>> TopLevel => topLevel ??= CollectTopLevel();

    /// <summary>True when the signal's only assignment is one unconditional top-level statement: it becomes a
    /// continuous <c>assign</c>.</summary>
    private bool IsContinuous(Signal signal) =>
        TopLevel.TryGetValue(signal, out var statements) && statements is [AssignStatement { IsWhole: true }];

    private Dictionary<Signal, List<Statement>> CollectTopLevel()
    {
        var result = new Dictionary<Signal, List<Statement>>(ReferenceEqualityComparer.Instance);
        foreach (var statement in module.Body)
        {
            foreach (var signal in Targets[statement])
            {
                if (!result.TryGetValue(signal, out var list))
                {
                    result[signal] = list = [];
                }

                list.Add(statement);
            }
        }

        return result;
    }

    /// <summary>One <c>assign</c> or one <c>always @*</c> per wire or output, in creation order; an always block
    /// starts from the default value, so no path leaves the signal unassigned (no latch).</summary>
    private void WriteCombinational(StringBuilder text)
    {
        foreach (var signal in module.Signals.Where(procedural.Contains))
        {
            var statements = TopLevel[signal];
            if (IsContinuous(signal))
            {
                var assign = (AssignStatement)statements[0];
                text.AppendLine($"{Indent}assign {names[signal]} = {writer.Write(assign.Value)};");
                continue;
            }

            var group = new HashSet<Signal>(ReferenceEqualityComparer.Instance) { signal };
            text.AppendLine($"{Indent}always @* begin");
            if (statements[0] is not AssignStatement { IsWhole: true })
            {
                text.AppendLine($"{Indent}{Indent}{names[signal]} = {ExprWriter.Literal(signal.InitialBits, signal.Width)};");
            }

            WriteStatements(text, statements, group, 2, "=");
            text.AppendLine($"{Indent}end");
        }
    }

    /// <summary>One clocked block per (clock, reset, enable), in order of first register.</summary>
    private void WriteRegisters(StringBuilder text)
    {
        var groups = new List<(ClockDomain Domain, Expr? Enable, List<Signal> Registers)>();
        foreach (var register in module.Signals.Where(s => s.Kind == SignalKind.Register))
        {
            var domain = register.Domain!;
            var index = groups.FindIndex(g => ReferenceEquals(g.Domain.Clock, domain.Clock)
                && ReferenceEquals(g.Domain.Reset, domain.Reset) && g.Domain.Style == domain.Style
                && ReferenceEquals(g.Enable, register.Enable));
            if (index < 0)
            {
                groups.Add((domain, register.Enable, []));
                index = groups.Count - 1;
            }

            groups[index].Registers.Add(register);
        }

        foreach (var (domain, enable, registers) in groups)
        {
            var set = new HashSet<Signal>(registers, ReferenceEqualityComparer.Instance);
            var clock = names[domain.Clock];
            var edge = domain.Reset is { } reset && domain.IsAsync
                ? $" or {(domain.ActiveLow ? "negedge" : "posedge")} {names[reset]}"
                : string.Empty;
            text.AppendLine($"{Indent}always @(posedge {clock}{edge}) begin");
            var depth = 2;
            var close = new List<string>();
            if (domain.Reset is { } rst)
            {
                text.AppendLine($"{Indent}{Indent}if ({(domain.ActiveLow ? "!" : string.Empty)}{names[rst]}) begin");
                foreach (var register in registers)
                {
                    text.AppendLine($"{Indent}{Indent}{Indent}{names[register]} <= {ExprWriter.Literal(register.InitialBits, register.Width)};");
                }

                text.AppendLine(enable is null ? $"{Indent}{Indent}end else begin" : $"{Indent}{Indent}end else if ({writer.Write(enable)}) begin");
                depth = 3;
                close.Add($"{Indent}{Indent}end");
            }
            else if (enable is not null)
            {
                text.AppendLine($"{Indent}{Indent}if ({writer.Write(enable)}) begin");
                depth = 3;
                close.Add($"{Indent}{Indent}end");
            }

            var statements = new HashSet<Statement>(registers.SelectMany(r => TopLevel.GetValueOrDefault(r) ?? []), ReferenceEqualityComparer.Instance);
            WriteStatements(text, [.. module.Body.Where(statements.Contains)], set, depth, "<=");
            foreach (var line in close)
            {
                text.AppendLine(line);
            }

            text.AppendLine($"{Indent}end");
        }
    }

    /// <summary>The statements that assign any of <paramref name="group"/>, with the conditions around them.</summary>
    private void WriteStatements(StringBuilder text, IReadOnlyList<Statement> statements, HashSet<Signal> group, int depth, string op)
    {
        var pad = string.Concat(Enumerable.Repeat(Indent, depth));
        foreach (var statement in statements.Where(s => Touches(s, group)))
        {
            switch (statement)
            {
                case AssignStatement assign:
                    text.AppendLine($"{pad}{Target(assign)} {op} {writer.Write(assign.Value)};");
                    break;
                case IfStatement branch:
                    WriteIf(text, branch, group, depth, op, pad);
                    text.AppendLine($"{pad}end");
                    break;
                case SwitchStatement choice:
                    WriteSwitch(text, choice, group, depth, op, pad);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The assigned name, with the part select of a part assignment.</summary>
    private string Target(AssignStatement assign)
    {
        var name = names[assign.Target];
        if (assign.Lsb is not { } lsb)
        {
            return name;
        }

        var msb = lsb + assign.Value.Width - 1;
        return msb == lsb ? $"{name}[{lsb}]" : $"{name}[{msb}:{lsb}]";
    }

    private void WriteIf(StringBuilder text, IfStatement branch, HashSet<Signal> group, int depth, string op, string pad)
    {
        var thenTouches = branch.Then.Any(s => Touches(s, group));
        var elseTouches = branch.Else.Any(s => Touches(s, group));
        if (!thenTouches)
        {
            text.AppendLine($"{pad}if (!{writer.Write(branch.Condition, Precedence.Atom)}) begin");
            WriteStatements(text, branch.Else, group, depth + 1, op);
            return;
        }

        text.AppendLine($"{pad}if ({writer.Write(branch.Condition)}) begin");
        WriteStatements(text, branch.Then, group, depth + 1, op);
        if (!elseTouches)
        {
            return;
        }

        var touching = branch.Else.Where(s => Touches(s, group)).ToList();
        if (touching is [IfStatement nested] && nested.Then.Any(s => Touches(s, group)))
        {
            text.Append($"{pad}end else ");
            var inner = new StringBuilder();
            WriteIf(inner, nested, group, depth, op, pad);
            text.Append(inner.ToString().TrimStart());
            return;
        }

        text.AppendLine($"{pad}end else begin");
        WriteStatements(text, branch.Else, group, depth + 1, op);
    }

    private void WriteSwitch(StringBuilder text, SwitchStatement choice, HashSet<Signal> group, int depth, string op, string pad)
    {
        text.AppendLine($"{pad}case ({writer.Write(choice.Subject)})");
        foreach (var (values, body) in choice.Cases)
        {
            var labels = string.Join(", ", values.Select(v => ExprWriter.Literal(v, choice.Subject.Width)));
            WriteCaseItem(text, labels, body, group, depth, op, pad);
        }

        WriteCaseItem(text, "default", choice.Default, group, depth, op, pad);
        text.AppendLine($"{pad}endcase");
    }

    private void WriteCaseItem(StringBuilder text, string label, List<Statement> body, HashSet<Signal> group, int depth, string op, string pad)
    {
        if (!body.Any(s => Touches(s, group)))
        {
            text.AppendLine($"{pad}{Indent}{label}: ;");
            return;
        }

        text.AppendLine($"{pad}{Indent}{label}: begin");
        WriteStatements(text, body, group, depth + 2, op);
        text.AppendLine($"{pad}{Indent}end");
    }

    private bool Touches(Statement statement, HashSet<Signal> group)
    {
        var assigned = Targets[statement];
        return group.Count <= assigned.Count ? group.Overlaps(assigned) : assigned.Overlaps(group);
    }

    private Dictionary<Statement, HashSet<Signal>> CollectTargets()
    {
        var result = new Dictionary<Statement, HashSet<Signal>>(ReferenceEqualityComparer.Instance);
        HashSet<Signal> Collect(Statement statement)
        {
            var set = new HashSet<Signal>(ReferenceEqualityComparer.Instance);
            switch (statement)
            {
                case AssignStatement assign:
                    set.Add(assign.Target);
                    break;
                case IfStatement branch:
                    foreach (var inner in branch.Then.Concat(branch.Else))
                    {
                        set.UnionWith(Collect(inner));
                    }

                    break;
                case SwitchStatement choice:
                    foreach (var inner in choice.Cases.SelectMany(c => c.Body).Concat(choice.Default))
                    {
                        set.UnionWith(Collect(inner));
                    }

                    break;
                default:
                    break;
            }

            result[statement] = set;
            return set;
        }

        foreach (var statement in module.Body)
        {
            Collect(statement);
        }

        return result;
    }
}
