using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Programs;

/// <summary>
/// Every check that can be made before running (architecture.md §9): operands against the
/// configuration, instructions for missing units/types/ops, queue depth, and from the
/// <see cref="Schedule"/> the stream, bank and plane-busy conflicts. Errors sorted by queue, index,
/// operand; one per (queue, instruction, operand).
/// </summary>
public static class ProgramChecker
{
    /// <summary>All static errors of <paramref name="program"/> (empty when it is good).</summary>
    public static IReadOnlyList<ProgramError> Check(LpuProgram program)
    {
        var errors = new List<ProgramError>();
        var depth = program.Config.Icu.QueueDepth;
        for (var q = 0; q < program.Queues.Count; q++)
        {
            var list = program.Queues[q];
            for (var i = 0; i < list.Count; i++)
                OperandRules.Check(program, q, i, list[i], errors);
            if (list.Count > depth)
                errors.Add(new ProgramError(q, depth, -1, $"queue {program.Floorplan.Queues[q].Name} overflows: {list.Count} instructions, icu.queueDepth is {depth}"));
        }

        var schedule = Schedule.Compute(program);
        errors.AddRange(schedule.Errors);
        TimingRules.Check(program, schedule, errors);
        return [.. errors
            .GroupBy(e => (e.Queue, e.Index, e.Operand)).Select(g => g.First())
            .OrderBy(e => e.Queue).ThenBy(e => e.Index).ThenBy(e => e.Operand)];
    }

    /// <summary>Formats an error for a program made in code: <c>queue[index]: message</c>.</summary>
    public static string Describe(LpuProgram program, ProgramError error)
    {
        QueueInfo q = program.Floorplan.Queues[error.Queue];
        var list = program.Queues[error.Queue];
        var text = error.Index < list.Count ? $" ({list[error.Index]})" : "";
        return $"{q.Name}[{error.Index}]{text}: {error.Message}";
    }
}
