using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Compiler.Scheduling;

/// <summary>
/// Instructions placed at absolute issue cycles, per queue. Because every time on the LPU is
/// known, a compiler works in issue cycles and lets this class turn each queue's timeline into
/// an instruction list: gaps become <c>nop n</c>, and runs of the same instruction at a constant
/// distance whose step field (architecture.md §4) moves by a constant become one <c>repeat</c>.
/// </summary>
public sealed class QueueTimeline
{
    private readonly SortedDictionary<string, SortedDictionary<long, Instruction>> queues = new(StringComparer.Ordinal);

    /// <summary>Places <paramref name="instruction"/> to issue from <paramref name="queue"/> at <paramref name="cycle"/>.</summary>
    public void Place(string queue, long cycle, Instruction instruction)
    {
        if (!queues.TryGetValue(queue, out var timeline))
            queues[queue] = timeline = [];
        if (!timeline.TryAdd(cycle, instruction))
            throw new InvalidOperationException($"{queue}: two instructions placed at cycle {cycle} ({timeline[cycle]} and {instruction})");
    }

    /// <summary>The earliest placed cycle (0 when empty).</summary>
    public long FirstCycle => queues.Values.Where(t => t.Count > 0).Select(t => t.Keys.First()).DefaultIfEmpty(0).Min();

    /// <summary>The last placed cycle (-1 when empty).</summary>
    public long LastCycle => queues.Values.Where(t => t.Count > 0).Select(t => t.Keys.Last()).DefaultIfEmpty(-1).Max();

    /// <summary>Instructions placed on <paramref name="queue"/>.</summary>
    public int Count(string queue) => queues.TryGetValue(queue, out var t) ? t.Count : 0;

    /// <summary>
    /// Appends every queue's timeline to <paramref name="builder"/>, shifted by
    /// <paramref name="offset"/> cycles (all shifted cycles must be &gt;= 0).
    /// </summary>
    public void EmitTo(ProgramBuilder builder, long offset = 0)
    {
        foreach (var (name, timeline) in queues)
            Emit(builder.Queue(name), [.. timeline.Select(p => (p.Key + offset, p.Value))]);
    }

    private static void Emit(QueueBuilder queue, (long Cycle, Instruction Instruction)[] items)
    {
        long next = 0;
        var i = 0;
        while (i < items.Length)
        {
            var (cycle, first) = items[i];
            if (cycle < next)
                throw new InvalidOperationException($"{queue.Info.Name}: cycle {cycle} is before the queue's next issue cycle {next}");
            if (cycle > next)
                queue.Nop(checked((int)(cycle - next)));
            queue.Add(first);

            var run = RunLength(items, i, out var distance, out var step);
            if (run > 1)
            {
                queue.Repeat(run - 1, distance, step);
                next = cycle + ((long)(run - 1) * distance) + 1;
            }
            else
            {
                next = cycle + 1;
            }

            i += run;
        }
    }

    /// <summary>How many items from <paramref name="start"/> form one instruction plus repeats.</summary>
    private static int RunLength((long Cycle, Instruction Instruction)[] items, int start, out int distance, out int step)
    {
        distance = 0;
        step = 0;
        if (start + 1 >= items.Length)
            return 1;
        var first = items[start].Instruction;
        var second = items[start + 1].Instruction;
        var d = items[start + 1].Cycle - items[start].Cycle;
        if (d < 1 || d > ushort.MaxValue || first.Spec != second.Spec)
            return 1;
        var field = first.Spec.StepField;
        long s = field is null ? 0 : second[field] - first[field];
        if (s < short.MinValue || s > short.MaxValue)
            return 1;

        var run = 1;
        while (start + run < items.Length && run <= ushort.MaxValue)
        {
            var (cycle, instruction) = items[start + run];
            if (cycle != items[start].Cycle + (d * run) || !IsStepOf(first, instruction, field, s * run))
                break;
            run++;
        }

        distance = (int)d;
        step = (int)s;
        return run;
    }

    /// <summary>True when <paramref name="other"/> equals <paramref name="first"/> but for <paramref name="delta"/> added to the step field.</summary>
    private static bool IsStepOf(Instruction first, Instruction other, string? field, long delta)
    {
        if (other.Spec != first.Spec)
            return false;
        for (var f = 0; f < first.Operands.Count; f++)
        {
            var expected = first.Operands[f] + (first.Spec.Fields[f].Name == field ? delta : 0);
            if (other.Operands[f] != expected)
                return false;
        }

        return true;
    }
}
