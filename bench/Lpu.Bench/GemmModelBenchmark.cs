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
/// reference. The model runs in wave order (no callback), and for comparison in cycle order; each
/// once untimed first (JIT warm-up), then eight times (fewer do not reach the optimised tier of
/// every method), the fastest by wall clock counting, as for the reference (both use a second
/// core: the model computes MXM products beside the simulation). Usage:
/// <c>gemm-model [preset:MxKxN ...]</c>, default <c>medium:128x256x256 tsp:1024x1024x1024</c>.
/// </summary>
internal static class GemmModelBenchmark
{
    private const int TimedRuns = 8;

    public static void Run(string[] args)
    {
        var cases = args.Length > 0 ? args : ["medium:128x256x256", "tsp:1024x1024x1024"];
        Console.WriteLine("| preset | GEMM | cycles | MXM utilization | C exact | model wall s | model CPU s | cycle order wall s | cycles/s | useful MACs/s | reference GOPS | model / reference |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var c in cases)
        {
            var (preset, shape) = Parse(c);
            var config = Presets.Get(preset);
            var random = new Random(1);
            var a = new Matrix<sbyte>(shape.M, shape.K, [.. Enumerable.Range(0, shape.M * shape.K).Select(_ => (sbyte)random.Next(-128, 128))]);
            var b = new Matrix<sbyte>(shape.K, shape.N, [.. Enumerable.Range(0, shape.K * shape.N).Select(_ => (sbyte)random.Next(-128, 128))]);

            var gemm = GemmCompiler.Compile(config, shape, a.Data, b.Data);
            var model = new LpuSimulator(config);
            // In wave order (Run without a callback, as `hdl-gen gemm` runs it), then in cycle order.
            var (cycles, wall, cpuSeconds) = Time(model, gemm, run => run.Run());
            var (_, cycleOrderWall, _) = Time(model, gemm, run => run.Run(onCycle: static _ => { }));

            var expected = Gemm.Multiply(a, b);   // also the warm-up
            var referenceSeconds = double.MaxValue;   // the fastest of TimedRuns, like the model
            for (var i = 0; i < TimedRuns; i++)
            {
                var reference = Stopwatch.StartNew();
                Gemm.Multiply(a, b);
                referenceSeconds = Math.Min(referenceSeconds, reference.Elapsed.TotalSeconds);
            }

            var product = gemm.Layout.ReadResult((slice, address) =>
            {
                var word = new byte[config.VectorLength];
                model.ReadSram(slice, address, word);
                return word;
            });
            var exact = product.AsSpan().SequenceEqual(expected.Data) ? "yes" : "NO";
            var utilization = shape.Macs / ((double)cycles * config.Mxm.Planes * config.VectorLength * config.VectorLength);

            var macsPerSecond = shape.Macs / wall.TotalSeconds;
            var referenceMacsPerSecond = shape.Macs / referenceSeconds;
            Console.WriteLine($"| {preset} | {shape} | {cycles:N0} | {utilization:P1} | {exact} | {wall.TotalSeconds:F3} | {cpuSeconds:F3} | {cycleOrderWall.TotalSeconds:F3} | {cycles / wall.TotalSeconds:N0} | " +
                $"{macsPerSecond / 1e9:F2} G | {2 * referenceMacsPerSecond / 1e9:F1} | 1 / {referenceMacsPerSecond / macsPerSecond:F1} |");
        }
    }

    /// <summary>A warm-up run (so the timed runs measure optimised code), then the fastest of TimedRuns by wall clock, with its CPU time.</summary>
    private static (long Cycles, TimeSpan Wall, double CpuSeconds) Time(LpuSimulator model, CompiledGemm gemm, Func<LpuSimulator, long> run)
    {
        model.Load(gemm.Program);
        run(model);
        long cycles = 0;
        var wall = TimeSpan.MaxValue;
        var cpuSeconds = double.MaxValue;
        for (var i = 0; i < TimedRuns; i++)
        {
            model.Load(gemm.Program);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            cycles = run(model);
            clock.Stop();
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            if (clock.Elapsed < wall)
                (cpuSeconds, wall) = (used, clock.Elapsed);
        }

        return (cycles, wall, cpuSeconds);
    }

    private static (string Preset, GemmShape Shape) Parse(string text)
    {
        var parts = text.Split(':');
        var sizes = parts[1].Split('x').Select(int.Parse).ToArray();
        return (parts[0], new GemmShape(sizes[0], sizes[1], sizes[2]));
    }
}
