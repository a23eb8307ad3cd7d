using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Programs;

/// <summary>
/// Conflicts found from the schedule (architecture.md §9): two results due in one stream register
/// in one cycle, SRAM bank conflicts, <c>abc</c> while its plane installs weights, and stepped
/// operands leaving the configuration's range.
/// </summary>
internal static class TimingRules
{
    public static void Check(LpuProgram program, Schedule schedule, List<ProgramError> errors)
    {
        var c = program.Config;
        var plan = program.Floorplan;
        var writers = new Dictionary<(int Pos, Direction Dir, int Stream, long Cycle), ScheduledIssue>();
        var sram = new Dictionary<(int Slice, long Cycle), List<(ScheduledIssue Issue, string Kind, int Bank)>>();
        var busy = new Dictionary<int, (long From, long Until)>();
        var half = c.Mem.WordsPerTile / 2;

        foreach (var issue in schedule.Issues)
        {
            var ins = issue.Instruction;
            var queue = plan.Queues[issue.Queue];
            if (ins.Spec.StepField is not null && program.Queues[issue.Queue][issue.Index].Spec.Mnemonic == "repeat")
                SteppedRange(c, issue, errors);

            // Only instructions with a StreamWrite field produce; iw and abc have a latency but no stream result.
            if (ins.Spec.Latency is { } latency)
                Streams(issue, queue, latency.Of(c), c.LanesPerSuperlane, writers, plan, errors);

            switch (ins.Spec.Mnemonic)
            {
                case "read":
                    Access(sram, queue.GlobalSlice, issue.Cycle, issue, "read", ins["a"] >= half ? 1 : 0);
                    break;
                case "write":
                    Access(sram, queue.GlobalSlice, issue.Cycle + 1, issue, "write", ins["a"] >= half ? 1 : 0);
                    break;
                case "gather" or "scatter":
                    Access(sram, queue.GlobalSlice, issue.Cycle + 1, issue, ins.Spec.Mnemonic, -1);
                    break;
                case "iw":
                    busy[queue.UnitIndex] = (issue.Cycle, issue.Cycle + c.Superlanes + 2);
                    break;
                case "abc" when busy.TryGetValue(queue.UnitIndex, out var b) && issue.Cycle > b.From && issue.Cycle < b.Until:
                    errors.Add(new ProgramError(issue.Queue, issue.Index, -1,
                        $"abc issued in cycle {issue.Cycle} while plane {queue.UnitIndex} installs weights (iw in cycle {b.From}, busy until {b.Until})"));
                    break;
            }
        }

        foreach (var ((slice, cycle), list) in sram.OrderBy(e => e.Key.Cycle).ThenBy(e => e.Key.Slice))
        {
            if (list.Count < 2)
                continue;
            var wide = list.FirstOrDefault(a => a.Bank < 0);
            var second = list.OrderBy(a => a.Issue.Queue).ThenBy(a => a.Issue.Index).Last();
            var name = plan.Queues[second.Issue.Queue].Name;
            if (wide.Kind is not null)
                errors.Add(new ProgramError(second.Issue.Queue, second.Issue.Index, -1, $"bank conflict on {name} in cycle {cycle}: {wide.Kind} occupies both banks"));
            else if (list[0].Bank == list[1].Bank)
                errors.Add(new ProgramError(second.Issue.Queue, second.Issue.Index, -1, $"bank conflict on {name} in cycle {cycle}: read and write of bank {list[0].Bank}"));
        }
    }

    private static void Access(Dictionary<(int, long), List<(ScheduledIssue, string, int)>> sram, int slice, long cycle, ScheduledIssue issue, string kind, int bank)
    {
        if (!sram.TryGetValue((slice, cycle), out var list))
            sram[(slice, cycle)] = list = [];
        list.Add((issue, kind, bank));
    }

    private static void Streams(ScheduledIssue issue, QueueInfo queue, int latency, int lanes,
        Dictionary<(int, Direction, int, long), ScheduledIssue> writers, Floorplan plan, List<ProgramError> errors)
    {
        var ins = issue.Instruction;
        for (var i = 0; i < ins.Spec.Fields.Count; i++)
        {
            var f = ins.Spec.Fields[i];
            if (f.Kind != OperandKind.StreamWrite)
                continue;
            var s = ins.Stream(f.Name);
            for (var j = 0; j < ins.StreamSpanOf(f, lanes); j++)
            {
                var key = (queue.Position, s.Direction, s.Index + j, issue.Cycle + latency);
                if (writers.TryGetValue(key, out var other))
                {
                    errors.Add(new ProgramError(issue.Queue, issue.Index, i,
                        $"two results due in stream {s.Offset(j)} at position {queue.Position} in cycle {issue.Cycle + latency} (the other from {plan.Queues[other.Queue].Name})"));
                    break;
                }

                writers[key] = issue;
            }
        }
    }

    private static void SteppedRange(Configuration.LpuConfig c, ScheduledIssue issue, List<ProgramError> errors)
    {
        var ins = issue.Instruction;
        var field = ins.Spec.StepField!;
        var v = ins[field];
        var limit = field == "a" ? c.Mem.WordsPerTile : c.Mxm.Accumulators;
        if (v >= limit || v < 0)
            errors.Add(new ProgramError(issue.Queue, issue.Index, 2, $"repetition in cycle {issue.Cycle} takes {field} to {v}, outside [0, {limit})"));
    }
}
