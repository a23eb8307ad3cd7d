using System.CommandLine;
using System.Globalization;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Layout;
using Lpu.Model;
using Lpu.Tensors;
using Lpu.Tensors.Npy;

namespace Lpu.HdlGen.Commands;

/// <summary>
/// <c>hdl-gen run --preset NAME PROGRAM [--trace FILE] [--dump SLICE:ADDR:COUNT=FILE.npy]...</c>:
/// runs an assembly program (.s) or a program image (.lpu) on the golden model to its done cycle
/// and prints cycles, per-unit activity and counters; optionally writes the §10 trace and dumps SRAM
/// words as uint8 COUNT x VL .npy arrays. A runtime error of the program exits with code 2.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("run", "Run a program on the golden model and print cycles and counters.");
        var config = ConfigOptions.AddTo(command);
        var source = new Argument<string>("program") { Description = "Assembly source (.s) or program image (.lpu)." };
        var trace = new Option<string?>("--trace") { Description = "Write the event trace (docs/architecture.md §10) to this file." };
        var dumps = new Option<string[]>("--dump") { Description = "SLICE:ADDR:COUNT=FILE.npy: after the run, write COUNT SRAM words from ADDR of SLICE as uint8 COUNT x VL.", AllowMultipleArgumentsPerToken = false };
        var maxCycles = new Option<long>("--max-cycles") { Description = "Stop with an error after this many cycles.", DefaultValueFactory = _ => 100_000_000 };
        command.Arguments.Add(source);
        command.Options.Add(trace);
        command.Options.Add(dumps);
        command.Options.Add(maxCycles);
        command.SetAction(parse =>
        {
            var lpu = config.Resolve(parse);
            var path = parse.GetValue(source)!;
            var error = parse.InvocationConfiguration.Error;
            var dumpSpecs = (parse.GetValue(dumps) ?? []).Select(d => DumpSpec.Parse(d, lpu)).ToList();
            var program = ProgramInput.Load(path, lpu, error);
            if (program is null)
                return Cli.BadInput;

            var simulator = new LpuSimulator(lpu);
            var tracePath = parse.GetValue(trace);
            try
            {
                simulator.Load(program);
                if (tracePath is null)
                    simulator.Run(parse.GetValue(maxCycles));
                else
                    RunWithTrace(simulator, tracePath, parse.GetValue(maxCycles));
            }
            catch (SimulationException e)
            {
                error.WriteLine($"error: {path}: {e.Message}");
                return Cli.BadInput;
            }

            Report(output, simulator, path);
            foreach (var spec in dumpSpecs)
                spec.Write(simulator, output);
            return Cli.Success;
        });
        return command;
    }

    private static void RunWithTrace(LpuSimulator simulator, string path, long maxCycles)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var writer = new StreamWriter(temp) { NewLine = "\n" })
            {
                var traceWriter = new TraceWriter(writer);
                simulator.Run(maxCycles, traceWriter.Write);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void Report(TextWriter output, LpuSimulator simulator, string path)
    {
        var c = simulator.Counters;
        var floorplan = simulator.Floorplan;
        output.WriteLine($"{path}: done at cycle {simulator.Cycle:N0}");
        output.WriteLine("  issued per unit:");
        foreach (var kind in new[] { UnitKind.Mem, UnitKind.Sxm, UnitKind.Vxm, UnitKind.Mxm })
        {
            var queues = floorplan.Queues.Where(q => q.Kind == kind).ToList();
            var total = queues.Sum(q => c.Issued[q.Index]);
            var busy = queues.Count(q => c.Issued[q.Index] > 0);
            output.WriteLine($"    {kind.ToString().ToUpperInvariant(),-4} {total,12:N0} instructions from {busy} of {queues.Count} queues");
        }

        foreach (var q in floorplan.Queues.Where(q => c.Issued[q.Index] > 0))
            output.WriteLine($"    {q.Name,-16} {c.Issued[q.Index],12:N0}");
        output.WriteLine($"  SRAM tile reads  {c.SramReads,12:N0}");
        output.WriteLine($"  SRAM tile writes {c.SramWrites,12:N0}");
        output.WriteLine($"  ECC corrected    {c.EccCorrected,12:N0}");
        output.WriteLine($"  ECC uncorrectable{c.EccUncorrectable,12:N0}");
        output.WriteLine($"  stream values    {c.StreamProductions,12:N0}");
        output.WriteLine($"  MACs             {c.Macs,12:N0}");
    }

    /// <summary>One <c>--dump SLICE:ADDR:COUNT=FILE.npy</c> request.</summary>
    private sealed record DumpSpec(int Slice, int Address, int Count, string File)
    {
        public static DumpSpec Parse(string text, LpuConfig config)
        {
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            var parts = eq < 0 ? [] : text[..eq].Split(':');
            if (parts.Length != 3 || eq == text.Length - 1
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var slice)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var address)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                throw new ArgumentException($"--dump '{text}': expected SLICE:ADDR:COUNT=FILE.npy");
            if (slice >= config.SliceCount)
                throw new ArgumentException($"--dump '{text}': slice {slice} out of range [0, {config.SliceCount})");
            if (count < 1 || address + count > config.Mem.WordsPerTile)
                throw new ArgumentException($"--dump '{text}': words [{address}, {address + count}) out of range [0, {config.Mem.WordsPerTile})");
            return new DumpSpec(slice, address, count, text[(eq + 1)..]);
        }

        public void Write(LpuSimulator simulator, TextWriter output)
        {
            var vl = simulator.Config.VectorLength;
            var data = new byte[Count * vl];
            for (var w = 0; w < Count; w++)
                simulator.ReadSram(Slice, Address + w, data.AsSpan(w * vl, vl));
            NpyFile.WriteMatrix(File, new Matrix<byte>(Count, vl, data));
            output.WriteLine($"  wrote {File}: slice {Slice} words [{Address}, {Address + Count})");
        }
    }
}
