namespace Lpu.Architecture.Programs;

/// <summary>
/// A program made in code failed the static checks; the message has one <c>queue[index] (instruction): message</c>
/// line per error. A <see cref="FormatException"/>, so the CLI maps it to exit code 2.
/// </summary>
public sealed class ProgramCheckException : FormatException
{
    /// <summary>Wraps the errors of <paramref name="program"/>.</summary>
    public ProgramCheckException(LpuProgram program, IReadOnlyList<ProgramError> errors)
        : base(string.Join("\n", errors.Select(e => ProgramChecker.Describe(program, e))))
    {
        Errors = errors;
    }

    /// <summary>The errors, sorted by queue, index, operand.</summary>
    public IReadOnlyList<ProgramError> Errors { get; }
}
