using System.CommandLine;
using Lpu.Architecture.Assembly;

namespace Lpu.HdlGen.Commands;

/// <summary><c>hdl-gen disasm PROGRAM.lpu</c>: prints a program image as canonical assembly text.</summary>
internal static class DisasmCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("disasm", "Turn a binary program image back into assembly text.");
        var config = ConfigOptions.AddTo(command);
        var image = new Argument<string>("image") { Description = "Program image (.lpu)." };
        var outFile = new Option<string?>("--out") { Description = "Output file (default: standard output)." };
        command.Arguments.Add(image);
        command.Options.Add(outFile);
        command.SetAction(parse =>
        {
            var c = config.Resolve(parse);
            var path = parse.GetValue(image)!;
            var text = Disassembler.ToText(ProgramImage.Read(File.ReadAllBytes(path), c, path));
            var target = parse.GetValue(outFile);
            if (target is null)
                output.Write(text);
            else
                File.WriteAllText(target, text);
            return Cli.Success;
        });
        return command;
    }
}
