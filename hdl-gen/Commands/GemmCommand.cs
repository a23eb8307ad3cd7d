using System.CommandLine;
using Lpu.Architecture.Assembly;
using Lpu.Cosim.Runs;
using Lpu.Tensors;
using Lpu.Tensors.Npy;

namespace Lpu.HdlGen.Commands;

/// <summary>
/// <c>hdl-gen gemm --a A.npy --b B.npy --out C.npy [--on model|rtl|both]</c>: compiles int8 A (M x K)
/// times B (K x N), runs it, checks C against the reference math (exit 1 on a mismatch) and writes
/// C as int32 .npy. Prints cycles, MACs, MXM utilization and the shape of the schedule.
/// </summary>
internal static class GemmCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("gemm", "Run an int8 GEMM from .npy files on the golden model (or RTL) and check it.");
        var config = ConfigOptions.AddTo(command);
        var a = new Option<string>("--a") { Description = "A: int8 M x K .npy (C order).", Required = true };
        var b = new Option<string>("--b") { Description = "B: int8 K x N .npy (C order).", Required = true };
        var result = new Option<string?>("--out") { Description = "C: int32 M x N .npy, written only when C matches the reference." };
        var on = new Option<Backend>("--on") { Description = "Where to run: model, rtl or both.", DefaultValueFactory = _ => Backend.Model };
        var asm = new Option<string?>("--asm") { Description = "Also write the compiled program as assembly." };
        command.Options.Add(a);
        command.Options.Add(b);
        command.Options.Add(result);
        command.Options.Add(on);
        command.Options.Add(asm);
        command.SetAction(parse =>
        {
            var lpu = config.Resolve(parse);
            var name = parse.GetValue(config.Preset) ?? Path.GetFileNameWithoutExtension(parse.GetValue(config.Config)!);
            var matrixA = NpyFile.ReadMatrix<sbyte>(parse.GetValue(a)!);
            var matrixB = NpyFile.ReadMatrix<sbyte>(parse.GetValue(b)!);
            var report = GemmRun.Execute(lpu, name, matrixA, matrixB, parse.GetValue(on));
            var asmPath = parse.GetValue(asm);
            if (asmPath is not null)
                AtomicFile.WriteAllText(asmPath, Disassembler.ToText(report.Gemm.Program));

            output.WriteLine($"gemm {report.Shape} on {name} ({parse.GetValue(on).ToString().ToLowerInvariant()})");
            output.WriteLine($"  cycles           {report.Cycles:N0}");
            output.WriteLine($"  MACs             {report.Macs:N0}");
            output.WriteLine($"  MXM utilization  {report.MxmUtilization:P1} of {report.MacsPerCycle:N0} MACs/cycle");
            var layout = report.Gemm.Layout;
            output.WriteLine($"  schedule         {layout.PlaneCount} MXM plane(s), {layout.Waves:N0} wave(s) of (row chunk of {layout.ChunkRows}, N-tile) jobs, {layout.KTiles} K-tile(s) each");
            if (!report.Matches)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: result differs from the reference math: {report.Mismatch}");
                return Cli.CheckFailed;
            }

            output.WriteLine("  result           matches the reference math");
            var outPath = parse.GetValue(result);
            if (outPath is not null)
            {
                NpyFile.WriteMatrix(outPath, new Matrix<int>(report.Shape.M, report.Shape.N, report.Result));
                output.WriteLine($"  wrote            {outPath}");
            }

            return Cli.Success;
        });
        return command;
    }
}
