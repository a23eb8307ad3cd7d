using System.CommandLine;

namespace Lpu.HdlGen;

/// <summary>The list of subcommands, one file each under <c>Commands/</c>.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(TextWriter output)
    {
        yield return Commands.VersionCommand.Create(output);
        yield return Commands.ConfigCommand.Create(output);
        yield return Commands.DatasheetCommand.Create(output);
        yield return Commands.AsmCommand.Create(output);
        yield return Commands.DisasmCommand.Create(output);
        yield return Commands.GemmCommand.Create(output);
        yield return Commands.CosimCommand.Create(output);
        yield return Commands.RunCommand.Create(output);
        yield return Commands.GenerateCommand.Create(output);
    }
}
