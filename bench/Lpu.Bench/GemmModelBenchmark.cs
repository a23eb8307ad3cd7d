using System.Diagnostics;
using Lpu.Architecture.Configuration;
using Lpu.Compiler.Gemm;
using Lpu.Model;
using Lpu.Tensors;

namespace Lpu.Bench;

/// <summary>
/// The golden model running compiled GEMMs, next to the reference math on the same product, in
/// one run: simulated MACs and cycles per second of host time, the schedule's MXM utilization
/// (useful MACs / (cycles x planes x VL^2)), and whether C read back from the model equals the
/// reference. The model runs in wave order (no callback) in rounds that alternate with the
/// reference, so that both meet the same phases of a noisy host: after warm-up runs (the optimised
/// tier of every method needs several), each round times one model run and one reference run.
/// Reported: the fastest of each by wall clock (both use a second core: the model computes MXM
/// products beside the simulation), their ratio, and the median of the rounds' own ratios. The
/// model also runs in cycle order, for comparison. Usage:
/// <c>gemm-model [preset:MxKxN ...]</c>, default <c>medium:128x256x256 tsp:1024x1024x1024</c>.
/// </summary>
internal static class GemmModelBenchmark
{
    private const int WarmUps = 8;
    private const int Rounds = 15;
    private const int CycleOrderRuns = 8;   // cycle order is timed alone, the fastest of these counting

    public static void Run(string[] args)
    {
        var cases = args.Length > 0 ? args : ["medium:128x256x256", "tsp:1024x1024x1024"];
        Console.WriteLine("| preset | GEMM | cycles | MXM utilization | C exact | model wall s | model CPU s | cycle order wall s | cycles/s | useful MACs/s | reference GOPS | model / reference | median of rounds |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in cases)
        {
            var (preset, shape) = Parse(c);
            var config = Presets.Get(preset);
            var random = new Random(1);
            var a = new Matrix<sbyte>(shape.M, shape.K, [.. Enumerable.Range(0, shape.M * shape.K).Select(_ => (sbyte)random.Next(-128, 128))]);
            var b = new Matrix<sbyte>(shape.K, shape.N, [.. Enumerable.Range(0, shape.K * shape.N).Select(_ => (sbyte)random.Next(-128, 128))]);

            var gemm = GemmCompiler.Compile(config, shape, a.Data, b.Data);
            var model = new LpuSimulator(config);
            var expected = Gemm.Multiply(a, b);
            for (var i = 0; i < WarmUps; i++)
            {
                RunModel(model, gemm, run => run.Run());
                Gemm.Multiply(a, b);
            }

            // In wave order (Run without a callback, as `hdl-gen gemm` runs it), each round beside a reference run.
            var best = (Cycles: 0L, Wall: TimeSpan.MaxValue, Cpu: 0.0);
            var referenceSeconds = double.MaxValue;
            var ratios = new List<double>();
            for (var i = 0; i < Rounds; i++)
            {
                var run = RunModel(model, gemm, run => run.Run());
                var reference = Stopwatch.StartNew();
                Gemm.Multiply(a, b);
                var referenceRound = reference.Elapsed.TotalSeconds;
                if (run.Wall < best.Wall)
                    best = run;
                referenceSeconds = Math.Min(referenceSeconds, referenceRound);
                ratios.Add(run.Wall.TotalSeconds / referenceRound);
            }

            ratios.Sort();
            var cycleOrderWall = TimeSpan.MaxValue;
            for (var i = 0; i < CycleOrderRuns; i++)
            {
                var run = RunModel(model, gemm, run => run.Run(onCycle: static _ => { }));
                cycleOrderWall = run.Wall < cycleOrderWall ? run.Wall : cycleOrderWall;
            }

            RunModel(model, gemm, run => run.Run());   // C as wave order leaves it
            var product = gemm.Layout.ReadResult((slice, address) =>
            {
                var word = new byte[config.VectorLength];
                model.ReadSram(slice, address, word);
                return word;
            });
            var exact = product.AsSpan().SequenceEqual(expected.Data) ? "yes" : "NO";
            var (cycles, wall, cpuSeconds) = best;
            var utilization = shape.Macs / ((double)cycles * config.Mxm.Planes * config.VectorLength * config.VectorLength);

            var macsPerSecond = shape.Macs / wall.TotalSeconds;
            var referenceMacsPerSecond = shape.Macs / referenceSeconds;
            Console.WriteLine($"| {preset} | {shape} | {cycles:N0} | {utilization:P1} | {exact} | {wall.TotalSeconds:F3} | {cpuSeconds:F3} | {cycleOrderWall.TotalSeconds:F3} | {cycles / wall.TotalSeconds:N0} | " +
                $"{macsPerSecond / 1e9:F2} G | {2 * referenceMacsPerSecond / 1e9:F1} | 1 / {referenceMacsPerSecond / macsPerSecond:F1} | 1 / {ratios[ratios.Count / 2]:F1} |");
        }
    }

    /// <summary>Loads and runs the program once; its cycles, wall clock and process CPU time.</summary>
    private static (long Cycles, TimeSpan Wall, double CpuSeconds) RunModel(LpuSimulator model, CompiledGemm gemm, Func<LpuSimulator, long> run)
    {
        model.Load(gemm.Program);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var cycles = run(model);
        clock.Stop();
        return (cycles, clock.Elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static (string Preset, GemmShape Shape) Parse(string text)
    {
        var parts = text.Split(':');
        var sizes = parts[1].Split('x').Select(int.Parse).ToArray();
        return (parts[0], new GemmShape(sizes[0], sizes[1], sizes[2]));
    }
}
