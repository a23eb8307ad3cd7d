using System.Text;
using Lpu.Hdl.Checks;
using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Verilog;

/// <summary>
/// Writes one checked module as Verilog-2005 text (everything after <c>module NAME</c>). Three stages, in
/// order: <em>prepare</em> (count expression uses, find unread bits), <em>legalize names</em>
/// (<see cref="NameTable"/>), <em>emit</em> (a read-only walk; the only thing it adds is temporaries for
/// shared nodes and operands that must be bit-selected). Split into partial files by concern.
/// </summary>
internal sealed partial class ModuleWriter
{
    private const string Indent = "    ";
    private readonly Module module;
    private readonly Func<Module, (string Name, NameTable Names)> child;
    private readonly NameTable names = new();
    private readonly Dictionary<Expr, int> uses = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Expr, string> temporaries = new(ReferenceEqualityComparer.Instance);
    private readonly StringBuilder temporaryText = new();
    private readonly HashSet<Signal> procedural = new(ReferenceEqualityComparer.Instance);
    private readonly ExprWriter writer;

    public ModuleWriter(Module module, Func<Module, (string Name, NameTable Names)> child)
    {
        this.module = module;
        this.child = child;
        writer = new ExprWriter(names, uses, Temporary);
        Prepare();
        Legalize();
    }

    /// <summary>The legal names of this module's ports and signals, for parents that instantiate it.</summary>
    public NameTable Names => names;

    /// <summary>The module's text after its name: port list, body and <c>endmodule</c>.</summary>
    public string WriteBody()
    {
        var functionText = new StringBuilder();
        WriteFunctions(functionText);
        var logic = new StringBuilder();
        WriteCombinational(logic);
        WriteRegisters(logic);
        WriteMemories(logic);
        WriteInstances(logic);
        WriteGenerate(logic);

        var text = new StringBuilder();
        WritePorts(text);
        var declarations = new StringBuilder();
        WriteDeclarations(declarations);
        declarations.Append(functionText);
        declarations.Append(temporaryText);
        WriteUnusedSink(declarations);
        text.Append(declarations);
        if (logic.Length > 0)
        {
            text.AppendLine();
            text.Append(logic);
        }

        text.AppendLine("endmodule");
        return text.ToString();
    }

    private void Prepare()
    {
        foreach (var root in Roots())
        {
            CountUses(root);
        }

        ExprWalk.Assignments(module.Body, (assign, _) =>
        {
            if (assign.Target.Kind is SignalKind.Wire or SignalKind.Output)
            {
                procedural.Add(assign.Target);
            }
        });
        FindUnread();
    }

    /// <summary>Every expression the module emits, in emission order.</summary>
    private List<Expr> Roots()
    {
        var roots = new List<Expr>();
        ExprWalk.Assignments(module.Body, (assign, _) => roots.Add(assign.Value));
        StatementConditions(module.Body, roots);
        foreach (var signal in module.Signals)
        {
            if (signal.Enable is { } enable)
            {
                roots.Add(enable);
            }
        }

        foreach (var memory in module.Memories)
        {
            foreach (var write in memory.WritePorts)
            {
                roots.AddRange([write.Address, write.Data, write.Enable]);
            }

            foreach (var read in memory.ReadPorts)
            {
                roots.Add(read.Address);
                if (read.Enable is { } enable)
                {
                    roots.Add(enable);
                }
            }
        }

        foreach (var instance in module.Instances)
        {
            foreach (var port in instance.Definition.Ports)
            {
                if (instance.InputConnection(port.Name) is { } connection)
                {
                    roots.Add(connection.Value);
                }
            }
        }

        foreach (var array in module.InstanceArrays)
        {
            foreach (var port in array.Definition.Ports)
            {
                if (array.ConnectionOf(port.Name) is { Value: { } value })
                {
                    roots.Add(value);
                }
            }
        }

        roots.AddRange(module.BusLinks.Where(l => l.ToArray).Select(l => l.Bus));
        return roots;
    }

    private static void StatementConditions(IReadOnlyList<Statement> statements, List<Expr> into)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case IfStatement branch:
                    into.Add(branch.Condition);
                    StatementConditions(branch.Then, into);
                    StatementConditions(branch.Else, into);
                    break;
                case SwitchStatement choice:
                    into.Add(choice.Subject);
                    foreach (var (_, body) in choice.Cases)
                    {
                        StatementConditions(body, into);
                    }

                    StatementConditions(choice.Default, into);
                    break;
                default:
                    break;
            }
        }
    }

    private void CountUses(Expr root) => CountUses(root, uses);

    /// <summary>Counts how many parents read each node (the root once); records the functions called.</summary>
    private void CountUses(Expr root, Dictionary<Expr, int> counts)
    {
        var stack = new Stack<Expr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            counts[node] = counts.GetValueOrDefault(node) + 1;
            if (counts[node] == 1)
            {
                if (node is CallExpr call)
                {
                    AddFunction(call.Function);
                }

                foreach (var operand in node.Operands)
                {
                    stack.Push(operand);
                }
            }
        }
    }

    private void Legalize()
    {
        // Names the user wrote exactly come first (ports, wires, memories, arrays, instances), derived names
        // (registers' _q, instance outputs) after, so a derived name never takes a user's name.
        foreach (var port in module.Ports)
        {
            names.Add(port, port.Name);
        }

        foreach (var wire in module.Signals.Where(s => s.Kind == SignalKind.Wire))
        {
            names.Add(wire, wire.Name);
        }

        foreach (var memory in module.Memories)
        {
            names.Add(memory, memory.Name);
        }

        foreach (var array in module.NetArrays)
        {
            names.Add(array, array.Name);
        }

        foreach (var instance in module.Instances)
        {
            names.Add(instance, instance.Name);
        }

        foreach (var signal in module.Signals.Where(s => s.Kind is not (SignalKind.Input or SignalKind.Output or SignalKind.Wire)))
        {
            var registered = signal.Kind is SignalKind.Register or SignalKind.MemoryReadData;
            names.Add(signal, registered && !signal.Name.EndsWith("_q", StringComparison.Ordinal) ? signal.Name + "_q" : signal.Name);
        }

        LegalizeGenerate();
        LegalizeFunctions();
    }

    private string Temporary(Expr expr)
    {
        if (temporaries.TryGetValue(expr, out var name))
        {
            return name;
        }

        name = names.Unique("tmp");
        temporaries.Add(expr, name);
        var value = writer.WriteInline(expr);
        temporaryText.AppendLine($"{Indent}wire {Type(expr.Width, false)}{name};");
        temporaryText.AppendLine($"{Indent}assign {name} = {value};");
        return name;
    }

    private static string Type(int width, bool signed) =>
        (signed ? "signed " : string.Empty) + (width > 1 ? $"[{width - 1}:0] " : string.Empty);
}
