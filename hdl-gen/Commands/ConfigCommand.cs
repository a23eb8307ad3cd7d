using System.CommandLine;
using Lpu.Architecture.Configuration;

namespace Lpu.HdlGen.Commands;

/// <summary><c>hdl-gen config</c>: writes a configuration as JSON (a starting point for <c>--config</c>) or prints its hash.</summary>
internal static class ConfigCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("config", "Write a preset or configuration file as canonical JSON, or print its hash.");
        var config = ConfigOptions.AddTo(command);
        var outFile = new Option<string?>("--out") { Description = "Output file (default: standard output)." };
        var hash = new Option<bool>("--hash") { Description = "Print the configuration hash (SHA-256 of the canonical JSON) instead." };
        command.Options.Add(outFile);
        command.Options.Add(hash);
        command.SetAction(parse =>
        {
            var c = config.Resolve(parse);
            var text = parse.GetValue(hash) ? ConfigJson.Hash(c) + "\n" : ConfigJson.ToJson(c);
            var path = parse.GetValue(outFile);
            if (path is null)
                output.Write(text);
            else
                File.WriteAllText(path, text);
            return Cli.Success;
        });
        return command;
    }
}
