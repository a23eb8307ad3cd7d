using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// Finds the first difference between the model's and the RTL's events of one cycle (both sorted
/// by key) and describes it in the words of the architecture: unit, superlane, lane, signal.
/// </summary>
internal static class EventDiff
{
    /// <summary>Issues kept to find the producer of a wrong value; the report shows the last few.</summary>
    public const int History = 64;

    private const int Shown = 8;

    /// <summary>
    /// Null when both lists hold the same events (keys, values and bytes), else the first difference
    /// as a report. Both lists are in key order, so this is one merge; only a mismatch builds text.
    /// </summary>
    public static Divergence? First(LpuProgram program, long cycle, EventList expected, EventList actual, IEnumerable<(long Cycle, int Queue, ulong Word)> recent)
    {
        var want = expected.Events;
        var got = actual.Events;
        if (want.Length == got.Length)
        {
            var same = true;
            for (var i = 0; i < want.Length && same; i++)
                same = want[i].Key == got[i].Key && want[i].Value == got[i].Value && expected.Data(in want[i]).SequenceEqual(actual.Data(in got[i]));
            if (same)
                return null;
        }

        int e = 0, a = 0;
        while (e < want.Length || a < got.Length)
        {
            var order = e == want.Length ? 1 : a == got.Length ? -1 : want[e].Key.CompareTo(got[a].Key);
            if (order < 0)
                return Report(program, cycle, expected, want[e], actual, recent);
            if (order > 0)
                return Report(program, cycle, actual, got[a], null, recent, extra: true);
            if (want[e].Value != got[a].Value || !expected.Data(in want[e]).SequenceEqual(actual.Data(in got[a])))
                return Report(program, cycle, expected, want[e], actual, recent, actualEvent: got[a]);
            e++;
            a++;
        }

        return null;
    }

    /// <summary>The recent issues as text: cycle, queue name, disassembly.</summary>
    public static IReadOnlyList<string> Describe(LpuProgram program, IEnumerable<(long Cycle, int Queue, ulong Word)> recent) =>
        [.. recent.TakeLast(Shown).Select(r => Line(program, r))];

    private static string Line(LpuProgram program, (long Cycle, int Queue, ulong Word) issue) =>
        $"cycle {issue.Cycle,6}  {program.Floorplan.Queues[issue.Queue].Name,-14} {Disassemble(issue.Word)}";

    /// <summary>
    /// The issue that put a value on (direction, stream) at <paramref name="position"/> in
    /// <paramref name="cycle"/> for <paramref name="superlane"/>: issued d + k cycles earlier by a
    /// queue at that position, with a result field spanning the stream (architecture.md §3).
    /// </summary>
    private static string? Producer(LpuProgram program, long cycle, int position, StreamRef stream, int superlane,
        IEnumerable<(long Cycle, int Queue, ulong Word)> recent)
    {
        foreach (var issue in recent.Reverse())
        {
            if (program.Floorplan.Queues[issue.Queue].Position != position)
                continue;
            Instruction instruction;
            try
            {
                instruction = Instruction.Decode(issue.Word);
            }
            catch (FormatException)
            {
                continue;
            }

            var latency = instruction.Spec.Latency?.Of(program.Config);
            if (latency is null || issue.Cycle + latency + superlane != cycle)
                continue;
            foreach (var field in instruction.Spec.Fields.Where(f => f.Kind == OperandKind.StreamWrite))
            {
                var dst = instruction.Stream(field.Name);
                var span = instruction.StreamSpanOf(field, program.Config.LanesPerSuperlane);
                if (dst.Direction == stream.Direction && stream.Index >= dst.Index && stream.Index < dst.Index + span)
                    return Line(program, issue).TrimStart();
            }
        }

        return null;
    }

    private static Divergence Report(LpuProgram program, long cycle, EventList owner, ObservedEvent e, EventList? other,
        IEnumerable<(long Cycle, int Queue, ulong Word)> recent, bool extra = false, ObservedEvent? actualEvent = null)
    {
        var floorplan = program.Floorplan;
        var lanes = program.Config.LanesPerSuperlane;
        var issues = Describe(program, recent);
        string Missing() => extra ? "no event" : "(none)";
        string Bytes(EventList list, in ObservedEvent ev) => Convert.ToHexString(list.Data(in ev)).ToLowerInvariant();

        switch (e.Kind)
        {
            case EventKind.Stream:
                {
                    var stream = new StreamRef((Direction)e.B, e.C);
                    var unit = UnitAt(floorplan, e.A);
                    var cause = Producer(program, cycle, e.A, stream, e.D, recent);
                    var signal = $"stream {stream} at position {e.A}";
                    if (actualEvent is { } a)
                    {
                        var lane = FirstDifference(owner.Data(in e), other!.Data(in a));
                        return new Divergence(cycle, unit, e.D, (e.D * lanes) + lane, signal,
                            $"0x{owner.Data(in e)[lane]:x2} (vector {Bytes(owner, e)})", $"0x{other.Data(in a)[lane]:x2} (vector {Bytes(other, a)})", issues)
                        { Cause = cause };
                    }

                    return extra
                        ? new Divergence(cycle, unit, e.D, null, signal, "no value produced", $"produced {Bytes(owner, e)}", issues) { Cause = cause }
                        : new Divergence(cycle, unit, e.D, null, signal, $"produced {Bytes(owner, e)}", "no value produced", issues) { Cause = cause };
                }

            case EventKind.SramWrite:
                {
                    var unit = $"MEM slice {e.A} ({floorplan.Queues.First(q => q.GlobalSlice == e.A).Name})";
                    var signal = $"SRAM write of word {e.C}";
                    if (actualEvent is { } a)
                    {
                        var lane = FirstDifference(owner.Data(in e), other!.Data(in a));
                        return new Divergence(cycle, unit, e.B, (e.B * lanes) + lane, signal,
                            $"0x{owner.Data(in e)[lane]:x2} (word {Bytes(owner, e)})", $"0x{other.Data(in a)[lane]:x2} (word {Bytes(other, a)})", issues);
                    }

                    return new Divergence(cycle, unit, e.B, null, signal, extra ? Missing() : $"write {Bytes(owner, e)}", extra ? $"write {Bytes(owner, e)}" : "no write", issues);
                }

            case EventKind.Ecc:
                {
                    var unit = $"MEM slice {e.A} ({floorplan.Queues.First(q => q.GlobalSlice == e.A).Name})";
                    string Status(ulong v) => v switch { 1 => "corrected error", 2 => "uncorrectable error", _ => "no error flag" };
                    var signal = $"ECC check of word {e.C}";
                    if (actualEvent is { } a)
                        return new Divergence(cycle, unit, e.B, null, signal, Status(e.Value), Status(a.Value), issues);
                    return new Divergence(cycle, unit, e.B, null, signal, extra ? "no error" : Status(e.Value), extra ? Status(e.Value) : "no error", issues);
                }

            default:
                {
                    var unit = $"queue {floorplan.Queues[e.A].Name}";
                    if (actualEvent is { } a)
                        return new Divergence(cycle, unit, 0, null, "instruction issue", Disassemble(e.Value), Disassemble(a.Value), issues);
                    return new Divergence(cycle, unit, 0, null, "instruction issue", extra ? "no issue" : Disassemble(e.Value), extra ? Disassemble(e.Value) : "no issue", issues);
                }
        }
    }

    private static string UnitAt(Floorplan floorplan, int position)
    {
        if (position == floorplan.VxmPosition)
            return "VXM";
        var mem = floorplan.Queues.FirstOrDefault(q => q.Kind == UnitKind.Mem && q.Position == position);
        return mem is not null ? $"MEM slice {mem.GlobalSlice} ({mem.Name})" : $"position {position}";
    }

    private static int FirstDifference(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
                return i;
        }

        return 0;
    }

    private static string Disassemble(ulong word)
    {
        try
        {
            return $"{Instruction.Decode(word)}  (0x{word:x16})";
        }
        catch (FormatException)
        {
            return $"0x{word:x16} (not a valid instruction)";
        }
    }
}
