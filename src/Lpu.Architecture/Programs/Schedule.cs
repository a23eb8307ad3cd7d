using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Programs;

/// <summary>
/// The issue cycle of every instruction of a program (architecture.md §4): ordinary instructions,
/// <c>notify</c> and <c>config</c> take one issue slot; <c>nop n</c> skips n cycles; <c>repeat</c>
/// re-issues the previous instruction with its step; <c>sync</c> waits for the first notify at or
/// after the cycle it is reached and resumes 2 cycles later. Errors (repeat with nothing to repeat,
/// a queue waiting forever) are collected, never thrown.
/// </summary>
public sealed class Schedule
{
    private Schedule(IReadOnlyList<ScheduledIssue> issues, IReadOnlyList<ProgramError> errors, long doneCycle)
    {
        Issues = issues;
        Errors = errors;
        DoneCycle = doneCycle;
    }

    /// <summary>Every issue, sorted by cycle then queue.</summary>
    public IReadOnlyList<ScheduledIssue> Issues { get; }

    /// <summary>Scheduling errors (empty for a good program).</summary>
    public IReadOnlyList<ProgramError> Errors { get; }

    /// <summary>D = last issue cycle + SL + dmax + 1, or 0 for an empty program.</summary>
    public long DoneCycle { get; }

    /// <summary>Issue count past which <see cref="Compute(LpuProgram)"/> stops with an error (bounds memory on hostile input).</summary>
    public const int DefaultIssueLimit = 4_000_000;

    /// <summary>Computes the schedule of <paramref name="program"/>.</summary>
    public static Schedule Compute(LpuProgram program) => Compute(program, DefaultIssueLimit);

    /// <summary>Computes the schedule, stopping with an error once more than <paramref name="issueLimit"/> issues are made.</summary>
    public static Schedule Compute(LpuProgram program, int issueLimit)
    {
        var queues = program.Queues;
        var states = queues.Select(_ => new QueueState()).ToArray();
        var issues = new List<ScheduledIssue>();
        var errors = new List<ProgramError>();
        var notifies = new List<long>();
        while (true)
        {
            for (var q = 0; q < queues.Count; q++)
            {
                Advance(q, queues[q], states[q], issues, errors, notifies, issueLimit);
                if (issues.Count > issueLimit)
                {
                    errors.Add(new ProgramError(q, Math.Max(0, states[q].Next - 1), -1, $"the program issues more than {issueLimit} instructions; scheduling stopped here"));
                    issues.Sort((a, b) => a.Cycle != b.Cycle ? a.Cycle.CompareTo(b.Cycle) : a.Queue.CompareTo(b.Queue));
                    return new Schedule(issues, errors, 0);
                }
            }

            // Release the waiters of the earliest notify that releases anyone: every notify not yet
            // known comes from a queue still waiting, so it is at least 2 cycles later.
            long best = long.MaxValue;
            foreach (var s in states.Where(s => s.Waiting))
                best = Math.Min(best, ReleaseBy(s.Cycle, notifies));
            if (best == long.MaxValue)
                break;
            foreach (var s in states.Where(s => s.Waiting && ReleaseBy(s.Cycle, notifies) == best))
            {
                s.Waiting = false;
                s.Cycle = best + 2;
                s.Next++;
            }
        }

        for (var q = 0; q < queues.Count; q++)
        {
            if (states[q].Waiting)
                errors.Add(new ProgramError(q, states[q].Next, -1, "sync waits forever: no notify at or after cycle " + states[q].Cycle));
        }

        issues.Sort((a, b) => a.Cycle != b.Cycle ? a.Cycle.CompareTo(b.Cycle) : a.Queue.CompareTo(b.Queue));
        var c = program.Config;
        var done = issues.Count == 0 ? 0 : issues[^1].Cycle + c.Superlanes + InstructionSet.MaxLatency(c) + 1;
        return new Schedule(issues, errors, done);
    }

    private static long ReleaseBy(long reached, List<long> notifies)
    {
        var best = long.MaxValue;
        foreach (var t in notifies)
        {
            if (t >= reached && t < best)
                best = t;
        }

        return best;
    }

    private static void Advance(int q, IReadOnlyList<Instruction> list, QueueState s, List<ScheduledIssue> issues, List<ProgramError> errors, List<long> notifies, int limit)
    {
        while (!s.Waiting && s.Next < list.Count && issues.Count <= limit)
        {
            var ins = list[s.Next];
            switch (ins.Spec.Mnemonic)
            {
                case "nop":
                    s.Cycle += ins["n"];
                    s.Previous = null;
                    break;
                case "sync":
                    s.Waiting = true;
                    s.Previous = null;
                    return;
                case "repeat":
                    Repeat(q, s, ins, issues, errors, limit);
                    break;
                default:
                    issues.Add(new ScheduledIssue(s.Cycle, q, s.Next, ins));
                    if (ins.Spec.Mnemonic == "notify")
                        notifies.Add(s.Cycle);
                    s.Previous = ins.Spec.Unit == UnitKind.Icu ? null : ins;
                    s.PreviousCycle = s.Cycle;
                    s.Cycle++;
                    break;
            }

            s.Next++;
        }
    }

    private static void Repeat(int q, QueueState s, Instruction rep, List<ScheduledIssue> issues, List<ProgramError> errors, int limit)
    {
        if (s.Previous is null)
        {
            errors.Add(new ProgramError(q, s.Next, -1, "repeat must follow an instruction of the unit (not an ICU instruction or the queue start)"));
            return;
        }

        var step = rep["step"];
        var field = s.Previous.Spec.StepField;
        if (step != 0 && field is null)
        {
            errors.Add(new ProgramError(q, s.Next, 2, $"step must be 0: {s.Previous.Spec.Mnemonic} has no step field"));
            step = 0;
        }

        var n = rep["n"];
        var d = rep["d"];
        for (long k = 1; k <= n && issues.Count <= limit; k++)
        {
            var issued = s.Previous;
            if (field is not null && step != 0)
            {
                var f = issued.Spec.Fields[issued.Spec.FieldIndex(field)];
                var v = issued[field] + (k * step);
                if (v < f.Min || v > f.Max)
                {
                    errors.Add(new ProgramError(q, s.Next, 2, $"repetition {k} takes {field} to {v}, outside [{f.Min}, {f.Max}]"));
                    break;
                }

                issued = issued.With(field, v);
            }

            issues.Add(new ScheduledIssue(s.PreviousCycle + (k * d), q, s.Next, issued));
        }

        s.Cycle = s.PreviousCycle + (n * d) + 1;
        s.Previous = null;
    }

    private sealed class QueueState
    {
        public long Cycle;
        public int Next;
        public bool Waiting;
        public Instruction? Previous;
        public long PreviousCycle;
    }
}
