namespace Lpu.Architecture.Programs;

/// <summary>
/// A static error in a program: queue (global index), instruction index in that queue, operand
/// (field index; -1 the instruction itself) and the message. The assembler turns it into file:line:col.
/// </summary>
public sealed record ProgramError(int Queue, int Index, int Operand, string Message);
