namespace Lpu.Architecture.Configuration;

/// <summary>Instruction control (architecture.md §4): every queue holds at most <c>QueueDepth</c> instructions.</summary>
public sealed record IcuConfig(int QueueDepth);
