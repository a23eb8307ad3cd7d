namespace Lpu.Architecture.Assembly;

/// <summary>
/// All errors of one assembly source, sorted by position; the message has one line per error.
/// A <see cref="FormatException"/>, so the CLI maps it to exit code 2.
/// </summary>
public sealed class AssemblyException : FormatException
{
    /// <summary>Wraps the sorted diagnostics.</summary>
    public AssemblyException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join("\n", diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>The errors, sorted by line then column.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
