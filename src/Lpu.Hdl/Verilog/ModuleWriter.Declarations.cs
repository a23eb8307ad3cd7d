using System.Text;
using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Verilog;

internal sealed partial class ModuleWriter
{
    private readonly List<Signal> unread = [];

    private void WritePorts(StringBuilder text)
    {
        var ports = module.Ports.ToList();
        if (ports.Count == 0)
        {
            text.AppendLine(";");
            return;
        }

        text.AppendLine(" (");
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var kind = port.Kind == SignalKind.Input ? "input wire" : procedural.Contains(port) && !IsContinuous(port) ? "output reg" : "output wire";
            text.AppendLine($"{Indent}{kind} {Type(port.Width, port.Signed)}{names[port]}{(i + 1 < ports.Count ? "," : string.Empty)}");
        }

        text.AppendLine(");");
    }

    private void WriteDeclarations(StringBuilder text)
    {
        foreach (var signal in module.Signals.Where(s => s.Kind is not (SignalKind.Input or SignalKind.Output)))
        {
            var isReg = signal.Kind is SignalKind.Register or SignalKind.MemoryReadData
                || (procedural.Contains(signal) && !IsContinuous(signal));
            text.AppendLine($"{Indent}{(isReg ? "reg" : "wire")} {Type(signal.Width, signal.Signed)}{names[signal]};");
        }

        foreach (var memory in module.Memories)
        {
            text.AppendLine($"{Indent}reg {Type(memory.Width, false)}{names[memory]} [0:{memory.Depth - 1}];");
        }

        foreach (var array in module.NetArrays)
        {
            var dims = string.Concat(array.Dimensions.Select(d => $" [0:{d - 1}]"));
            text.AppendLine($"{Indent}wire {Type(array.Width, array.Signed)}{names[array]}{dims};");
        }
    }

    /// <summary>Finds signals with bits nothing reads, so they can be sunk into an <c>*unused*</c> net
    /// (Verilator's <c>-Wall</c> otherwise warns about them).</summary>
    private void FindUnread()
    {
        var read = new Dictionary<Signal, bool[]>(ReferenceEqualityComparer.Instance);
        void Mark(Signal signal, int low, int high)
        {
            if (!read.TryGetValue(signal, out var bits))
            {
                read[signal] = bits = new bool[signal.Width];
            }

            Array.Fill(bits, true, low, high - low + 1);
        }

        var stack = new Stack<Expr>();
        foreach (var root in Roots())
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case Signal signal:
                    Mark(signal, 0, signal.Width - 1);
                    break;
                case SliceExpr { Operand: Signal signal } slice:
                    Mark(signal, slice.Low, slice.High);
                    break;
                default:
                    foreach (var operand in node.Operands)
                    {
                        stack.Push(operand);
                    }

                    break;
            }
        }

        foreach (var signal in module.Signals)
        {
            if (signal.Domain is { } domain)
            {
                Mark(domain.Clock, 0, 0);
                if (domain.Reset is { } reset)
                {
                    Mark(reset, 0, 0);
                }
            }
        }

        foreach (var port in module.Memories.SelectMany(m => m.ReadPorts.Select(p => p.Clock).Concat(m.WritePorts.Select(p => p.Clock))))
        {
            Mark(port, 0, 0);
        }

        foreach (var signal in module.Signals.Where(s => s.Kind != SignalKind.Output))
        {
            if (!read.TryGetValue(signal, out var bits) || Array.IndexOf(bits, false) >= 0)
            {
                unread.Add(signal);
            }
        }
    }

    private void WriteUnusedSink(StringBuilder text)
    {
        var sunk = unread.Select(s => names[s]).Concat(writer.PartlyReadTemporaries).ToList();
        if (sunk.Count == 0)
        {
            return;
        }

        var unusedSink = names.Unique("unused_ok");
        var parts = string.Join(", ", sunk);
        text.AppendLine($"{Indent}wire {unusedSink} = &{{1'b0, {parts}, 1'b0}};");
    }
}
