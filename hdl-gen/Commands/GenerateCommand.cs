using System.CommandLine;
using Lpu.Hdl.Verilog;
using Lpu.Rtl;
using Lpu.Rtl.Fpga;

namespace Lpu.HdlGen.Commands;

/// <summary>
/// <c>hdl-gen generate</c>: writes the Verilog of a configuration (<c>lpu_top</c> and its modules, one
/// file each, plus <c>lpu_top.f</c>) into a folder, replaced atomically. With <c>--fpga BOARD</c> it writes
/// the FPGA build instead: <c>lpu_fpga_top</c> around <c>lpu_top</c> with the UART host link, and the
/// board's pin and clock constraints (docs/rtl.md "FPGA wrapper").
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("generate", "Write the RTL (Verilog-2005) of a configuration.");
        var config = ConfigOptions.AddTo(command);
        var outDir = new Option<string?>("--out") { Description = "Output folder (default: generated/<preset or config file name>)." };
        var macros = new Option<bool>("--sram-macros") { Description = "Wrap each SRAM bank in a named lpu_sram_<depth>x<width> module." };
        var fpga = new Option<string?>("--fpga") { Description = $"Write the FPGA build for a board ({string.Join(", ", FpgaBoard.All.Select(b => b.Name))}): wrapper, host link and constraints." };
        var baud = new Option<int?>("--baud") { Description = "UART baud rate of the FPGA host link (default: the fastest standard rate the board clock divides)." };
        command.Options.Add(outDir);
        command.Options.Add(macros);
        var constraintsDir = new Option<string?>("--constraints") { Description = "With --fpga: write the pin and clock constraints to this folder instead of next to the Verilog." };
        command.Options.Add(fpga);
        command.Options.Add(constraintsDir);
        command.Options.Add(baud);
        command.SetAction(parse =>
        {
            var cfg = config.Resolve(parse);
            var name = parse.GetValue(config.Preset) ?? Path.GetFileNameWithoutExtension(parse.GetValue(config.Config)!);
            var dir = parse.GetValue(outDir) ?? Path.Combine("generated", name);
            if (parse.GetValue(fpga) is { } boardName)
            {
                var board = FpgaBoard.Get(boardName);
                var build = FpgaGenerator.Generate(cfg, new FpgaOptions(board, parse.GetValue(baud)));
                var constraintsTo = parse.GetValue(constraintsDir) ?? dir;
                if (constraintsTo == dir)
                {
                    build.WriteTo(dir);
                }
                else
                {
                    build.Verilog.WriteTo(dir);
                    OutputFolder.Replace(constraintsTo, build.Constraints);
                }

                output.WriteLine($"{build.Verilog.Modules.Count} modules written to {dir}, {build.PinFile} and {build.ClockFile} to {constraintsTo} (top {build.Top}, {board.Name}, UART {build.Baud} baud = {build.BaudDivisor} clocks per bit)");
                return Cli.Success;
            }

            var design = RtlGenerator.Generate(cfg, new RtlOptions(SramMacros: parse.GetValue(macros)));
            design.Verilog.WriteTo(dir);
            output.WriteLine($"{design.Verilog.Modules.Count} modules written to {dir} (top {design.Top}, events port {design.Trace.Width} bits)");
            return Cli.Success;
        });
        return command;
    }
}
