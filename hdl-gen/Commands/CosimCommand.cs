using System.CommandLine;
using Lpu.Cosim.Lockstep;
using Lpu.Cosim.Verilator;

namespace Lpu.HdlGen.Commands;

/// <summary>
/// <c>hdl-gen cosim --preset NAME PROGRAM [--rtl DIR] [--vcd FILE] [--max-cycles N] [--one-thread] [--pgo]</c>: runs a program on the golden
/// model and on the generated RTL (Verilator) in lockstep. Exit 0 when every cycle matches, 1 on a
/// divergence (reported with cycle, unit, superlane, lane, values and a VCD window).
/// </summary>
internal static class CosimCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("cosim", "Run a program on the RTL and the golden model in lockstep and report the first divergence.");
        var config = ConfigOptions.AddTo(command);
        var source = new Argument<string>("program") { Description = "Assembly source (.s) or program image (.lpu)." };
        var rtl = new Option<string?>("--rtl") { Description = "Use the Verilog in this folder instead of generating it (e.g. hand-edited RTL)." };
        var vcd = new Option<string?>("--vcd") { Description = "Waveform of the cycles before a divergence (default: PROGRAM.divergence.vcd)." };
        var maxCycles = new Option<long>("--max-cycles") { Description = "Stop with an error after this many cycles.", DefaultValueFactory = _ => 10_000_000 };
        var oneThread = new Option<bool>("--one-thread") { Description = "Run the RTL on the same thread as the model (by default it has its own when there are two or more processors)." };
        var pgo = new Option<bool>("--pgo") { Description = "Profile-guided Verilator build: compiled twice around a training run, without ccache (small ~1.5 min, medium ~20 min on 2 cores; once per RTL, then cached); ~25% faster ticks, for long runs." };
        command.Arguments.Add(source);
        command.Options.Add(rtl);
        command.Options.Add(vcd);
        command.Options.Add(maxCycles);
        command.Options.Add(oneThread);
        command.Options.Add(pgo);
        command.SetAction(parse =>
        {
            var lpu = config.Resolve(parse);
            var path = parse.GetValue(source)!;
            var error = parse.InvocationConfiguration.Error;
            var program = ProgramInput.Load(path, lpu, error);
            if (program is null)
                return Cli.BadInput;

            var options = new CosimOptions
            {
                RtlDirectory = parse.GetValue(rtl),
                VcdPath = parse.GetValue(vcd) ?? Path.ChangeExtension(Path.GetFileName(path), ".divergence.vcd"),
                MaxCycles = parse.GetValue(maxCycles),
                TwoThreads = parse.GetValue(oneThread) ? false : null,
                Verilator = VerilatorOptions.Default with { ProfileGuided = parse.GetValue(pgo) },
            };
            using var session = LongWork.Run("building the RTL with Verilator (cached after the first build)", error, () => new CosimSession(program, options));
            var result = session.Run();
            var build = result.RtlBuildFromCache ? "cached build" : "fresh build";
            if (result.Divergence is { } divergence)
            {
                output.WriteLine(divergence);
                return Cli.CheckFailed;
            }

            output.WriteLine($"cosim {Path.GetFileName(path)}: {result.Cycles:N0} cycles, {result.EventsCompared:N0} events, RTL and model agree");
            // A rate over a few cycles would mostly measure fixed costs.
            output.WriteLine(result.Cycles >= 10_000
                ? $"  {result.CyclesPerSecond:N0} lockstep cycles/s ({build})"
                : $"  {result.LockstepTime.TotalMilliseconds:N0} ms ({build})");
            return Cli.Success;
        });
        return command;
    }
}
