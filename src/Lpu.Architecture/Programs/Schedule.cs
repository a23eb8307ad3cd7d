using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Programs;

/// <summary>
/// The issue cycle of every instruction of a program (architecture.md §4, §11): ordinary
/// instructions, <c>notify</c> and <c>config</c> take one issue slot; <c>nop n</c> skips n cycles;
/// <c>repeat</c> re-issues the last issued entry (after a repeat, its last copy) with its step;
/// <c>sync</c> waits for the first notify at or after the cycle it is reached and resumes 2 cycles
/// later. Errors (nothing to repeat, a copy in the past, a queue waiting forever) are collected, never thrown.
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
        var issues = new IssueLog(keep: true);
        var errors = Walk(program, issueLimit, issues);
        issues.Kept.Sort((a, b) => a.Cycle != b.Cycle ? a.Cycle.CompareTo(b.Cycle) : a.Queue.CompareTo(b.Queue));
        return new Schedule(issues.Kept, errors, issues.Count > issueLimit ? 0 : DoneAfter(program.Config, issues));
    }

    /// <summary>
    /// <see cref="DoneCycle"/> without keeping the issues, in time that follows the number of
    /// instructions rather than of issues (repeats are counted, not walked), or null when the program
    /// does not schedule (the errors <see cref="Compute(LpuProgram)"/> lists).
    /// </summary>
    public static long? DoneCycleOf(LpuProgram program)
    {
        // No limit: nothing is kept, and a repeat's copies are counted in one step (but a repeated notify's).
        var issues = new IssueLog(keep: false);
        return Walk(program, int.MaxValue, issues).Count == 0 ? DoneAfter(program.Config, issues) : null;
    }

    private static long DoneAfter(LpuConfig c, IssueLog issues) =>
        issues.Count == 0 ? 0 : issues.LastCycle + c.Superlanes + InstructionSet.MaxLatency(c) + 1;

    /// <summary>Issues every instruction of the program into <paramref name="issues"/>; returns the errors.</summary>
    private static List<ProgramError> Walk(LpuProgram program, int issueLimit, IssueLog issues)
    {
        var queues = program.Queues;
        var states = queues.Select(_ => new QueueState()).ToArray();
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
                    return errors;
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

        return errors;
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

    private static void Advance(int q, IReadOnlyList<Instruction> list, QueueState s, IssueLog issues, List<ProgramError> errors, List<long> notifies, int limit)
    {
        while (!s.Waiting && s.Next < list.Count && issues.Count <= limit)
        {
            var ins = list[s.Next];
            switch (ins.Spec.Mnemonic)
            {
                case "nop":
                    s.Cycle += ins["n"];
                    break;
                case "sync":
                    s.Waiting = true;
                    return;
                case "repeat":
                    Repeat(q, s, ins, issues, errors, notifies, limit);
                    break;
                default:
                    Issue(s.Cycle, q, s.Next, ins, s, issues, notifies);
                    s.Cycle++;
                    break;
            }

            s.Next++;
        }
    }

    private static void Issue(long cycle, int q, int index, Instruction ins, QueueState s, IssueLog issues, List<long> notifies)
    {
        issues.Add(new ScheduledIssue(cycle, q, index, ins));
        if (ins.Spec.Mnemonic == "notify")
            notifies.Add(cycle);
        s.Previous = ins;
        s.PreviousCycle = cycle;
    }

    // architecture.md §11: repeat repeats the last issued entry (after a repeat, its last copy).
    private static void Repeat(int q, QueueState s, Instruction rep, IssueLog issues, List<ProgramError> errors, List<long> notifies, int limit)
    {
        var index = s.Next;
        if (s.Previous is not { } previous)
        {
            errors.Add(new ProgramError(q, index, -1, "repeat has no issued instruction before it to repeat"));
            return;
        }

        var step = rep["step"];
        var field = previous.Spec.StepField;
        if (step != 0 && field is null)
        {
            errors.Add(new ProgramError(q, index, 2, $"step must be 0: {previous.Spec.Mnemonic} has no step field"));
            step = 0;
        }

        var t = s.PreviousCycle;
        var n = rep["n"];
        var d = rep["d"];
        if (t + d < s.Cycle)
        {
            // Only possible after a nop or sync: a copy would issue before the queue's next free cycle.
            errors.Add(new ProgramError(q, index, 1, $"the first copy would issue in cycle {t + d}, before this queue's next issue cycle {s.Cycle}"));
            return;
        }

        // A stepped field moves one way, so the copies in its range are the first `copies` of them.
        var (copies, outOfRange) = CopiesInRange(previous, field, step, n);
        var issuedAll = true;
        if (!issues.Keeps && previous.Spec.Mnemonic != "notify")
        {
            // Only counted (DoneCycleOf): in time independent of n. A notify's copies are walked, to be known.
            if (copies > 0)
            {
                issues.AddCopies(copies, t + (copies * d));
                s.Previous = Stepped(previous, field, step, copies);
                s.PreviousCycle = t + (copies * d);
            }
        }
        else
        {
            long k = 1;
            for (; k <= copies && issues.Count <= limit; k++)
                Issue(t + (k * d), q, index, Stepped(previous, field, step, k), s, issues, notifies);
            issuedAll = k > copies;
        }

        if (outOfRange is not null && issuedAll)
            errors.Add(new ProgramError(q, index, 2, outOfRange));
        s.Cycle = t + (n * d) + 1;
    }

    /// <summary>How many of <paramref name="n"/> copies keep the stepped field in its range, and the error of the first that does not.</summary>
    private static (long Copies, string? OutOfRange) CopiesInRange(Instruction previous, string? field, long step, long n)
    {
        if (field is null || step == 0)
            return (n, null);
        var f = previous.Spec.Fields[previous.Spec.FieldIndex(field)];
        var start = previous[field];
        var inRange = ((step > 0 ? f.Max : f.Min) - start) / step;   // both terms share a sign
        return inRange >= n
            ? (n, null)
            : (inRange, $"repetition {inRange + 1} takes {field} to {start + ((inRange + 1) * step)}, outside [{f.Min}, {f.Max}]");
    }

    /// <summary>Copy <paramref name="k"/> of a repeat of <paramref name="previous"/>.</summary>
    private static Instruction Stepped(Instruction previous, string? field, long step, long k) =>
        field is null || step == 0 ? previous : previous.With(field, previous[field] + (k * step));

    /// <summary>Where issues go: counted, the last cycle kept, and the issues themselves only when asked.</summary>
    private sealed class IssueLog(bool keep)
    {
        public List<ScheduledIssue> Kept { get; } = [];

        public bool Keeps => keep;

        public long Count { get; private set; }

        public long LastCycle { get; private set; } = -1;

        public void Add(ScheduledIssue issue)
        {
            Count++;
            LastCycle = Math.Max(LastCycle, issue.Cycle);
            if (keep)
                Kept.Add(issue);
        }

        /// <summary><paramref name="count"/> issues not kept, the last of them in <paramref name="lastCycle"/>.</summary>
        public void AddCopies(long count, long lastCycle)
        {
            Count += count;
            LastCycle = Math.Max(LastCycle, lastCycle);
        }
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
