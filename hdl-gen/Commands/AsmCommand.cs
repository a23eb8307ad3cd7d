using System.CommandLine;
using Lpu.Architecture.Assembly;

namespace Lpu.HdlGen.Commands;

/// <summary>
/// <c>hdl-gen asm PROGRAM.s --out PROGRAM.lpu</c>: assembles and statically checks a program; every
/// error is printed as <c>file:line:col: error: message</c> (exit 2) and no image is written.
/// </summary>
internal static class AsmCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("asm", "Assemble an LPU program into a binary program image.");
        var config = ConfigOptions.AddTo(command);
        var source = new Argument<string>("program") { Description = "Assembly source (.s)." };
        var outFile = new Option<string?>("--out") { Description = "Image file (default: the source with extension .lpu)." };
        command.Arguments.Add(source);
        command.Options.Add(outFile);
        command.SetAction(parse =>
        {
            var c = config.Resolve(parse);
            var path = parse.GetValue(source)!;
            var target = parse.GetValue(outFile) ?? Path.ChangeExtension(path, ".lpu");
            try
            {
                var program = Assembler.Assemble(File.ReadAllText(path), c, path);
                ProgramImage.WriteFile(program, target);
                output.WriteLine($"{target}: {program.Queues.Sum(q => q.Count)} instructions, {program.Data.Count} data blocks, {program.Maps.Count} maps");
                return Cli.Success;
            }
            catch (AssemblyException e)
            {
                var error = parse.InvocationConfiguration.Error;
                foreach (var d in e.Diagnostics)
                    error.WriteLine($"{d.File}:{d.Line}:{d.Column}: error: {d.Message}");
                error.WriteLine($"{e.Diagnostics.Count} error(s); no image written");
                return Cli.BadInput;
            }
        });
        return command;
    }
}
