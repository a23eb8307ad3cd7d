using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Programs;

/// <summary>
/// One issue of an instruction to superlane 0 of its unit: cycle, global queue index, index of the
/// instruction in the queue that caused it (for a repetition: the <c>repeat</c>), and the
/// instruction as issued (a repetition carries its stepped operand).
/// </summary>
public sealed record ScheduledIssue(long Cycle, int Queue, int Index, Instruction Instruction);
