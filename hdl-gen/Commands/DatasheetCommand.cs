using System.CommandLine;
using Lpu.Architecture.Configuration;

namespace Lpu.HdlGen.Commands;

/// <summary><c>hdl-gen datasheet</c>: prints a configuration's headline figures as text or one JSON object.</summary>
internal static class DatasheetCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("datasheet", "Print SRAM, MACs, peak TOPS/TFLOPS, ALUs, bandwidths and queues of a configuration.");
        var config = ConfigOptions.AddTo(command);
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var sheet = Datasheet.Of(config.Resolve(parse));
            output.Write(parse.GetValue(json) ? sheet.ToJson() : sheet.ToText());
            return Cli.Success;
        });
        return command;
    }
}
