using System.CommandLine;
using Lpu.Rtl;

namespace Lpu.HdlGen.Commands;

/// <summary>
/// <c>hdl-gen generate</c>: writes the Verilog of a configuration (<c>lpu_top</c> and its modules, one
/// file each, plus <c>lpu_top.f</c>) into a folder, replaced atomically.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("generate", "Write the RTL (Verilog-2005) of a configuration.");
        var config = ConfigOptions.AddTo(command);
        var outDir = new Option<string?>("--out") { Description = "Output folder (default: generated/<preset or config file name>)." };
        var macros = new Option<bool>("--sram-macros") { Description = "Wrap each SRAM bank in a named lpu_sram_<depth>x<width> module." };
        command.Options.Add(outDir);
        command.Options.Add(macros);
        command.SetAction(parse =>
        {
            var cfg = config.Resolve(parse);
            var name = parse.GetValue(config.Preset) ?? Path.GetFileNameWithoutExtension(parse.GetValue(config.Config)!);
            var dir = parse.GetValue(outDir) ?? Path.Combine("generated", name);
            var design = RtlGenerator.Generate(cfg, new RtlOptions(SramMacros: parse.GetValue(macros)));
            design.Verilog.WriteTo(dir);
            output.WriteLine($"{design.Verilog.Modules.Count} modules written to {dir} (top {design.Top}, events port {design.Trace.Width} bits)");
            return Cli.Success;
        });
        return command;
    }
}
