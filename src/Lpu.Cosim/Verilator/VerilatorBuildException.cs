namespace Lpu.Cosim.Verilator;

/// <summary>
/// A Verilator build that failed. The message holds the first lines of the build output from the
/// first error on; <see cref="Output"/> holds all of it, and <see cref="WorkspaceDirectory"/> the kept
/// workspace in which <c>bash build.sh</c> replays the build.
/// </summary>
public sealed class VerilatorBuildException(string message, string output, string? workspaceDirectory)
    : Exception(message)
{
    public string Output { get; } = output;

    public string? WorkspaceDirectory { get; } = workspaceDirectory;
}
