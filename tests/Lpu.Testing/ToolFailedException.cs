namespace Lpu.Testing;

/// <summary>A real tool (Verilator, Icarus, Yosys) reported a failure; the message holds its output.</summary>
public sealed class ToolFailedException(string message) : Exception(message);
