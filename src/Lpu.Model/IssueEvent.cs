namespace Lpu.Model;

/// <summary>
/// A queue issuing an instruction (architecture.md §10): global queue index and the 64-bit word
/// as issued (a repeated copy carries its stepped field).
/// </summary>
public readonly record struct IssueEvent(int Queue, ulong Word);
