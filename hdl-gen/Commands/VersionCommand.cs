using System.CommandLine;

namespace Lpu.HdlGen.Commands;

/// <summary><c>hdl-gen version</c>: prints the tool version (the one stamped into generated headers).</summary>
internal static class VersionCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("version", "Print the hdl-gen version.");
        command.SetAction(_ =>
        {
            output.WriteLine(typeof(VersionCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            return Cli.Success;
        });
        return command;
    }
}
