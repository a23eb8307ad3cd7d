namespace Lpu.Testing;

/// <summary>What a tool run gave: exit code and combined output, plus the command for failure messages.</summary>
public sealed record ToolResult(string Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with the command and the tool's whole output unless the run succeeded.</summary>
    public ToolResult EnsureSuccess()
    {
        if (!Succeeded)
        {
            throw new ToolFailedException($"`{Command}` failed with exit code {ExitCode}:\n{Output}");
        }

        return this;
    }
}
