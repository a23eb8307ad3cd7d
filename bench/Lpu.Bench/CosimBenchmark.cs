using System.Diagnostics;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Lockstep;
using Lpu.Cosim.Verilator;
using Lpu.Model;

namespace Lpu.Bench;

/// <summary>
/// Lockstep co-simulation speed: a streaming program (two reads, a VXM add and a write every cycle
/// for 60,000 cycles) on the model alone and on RTL + model in lockstep, plus the Verilator build
/// time cold (empty cache) and cached; then where a lockstep cycle's time goes (a second run with
/// <see cref="CosimOptions.MeasurePhases"/>, whose timestamps add ~20 ns per phase). Usage:
/// <c>cosim [--cached] [--opt "FLAGS"] [preset ...]</c>, default <c>small</c>; <c>--cached</c> uses
/// the shared build cache (<c>$LPU_SIM_CACHE</c>) instead of timing a cold build; <c>--opt</c>
/// replaces Verilator's optimisation flags (<see cref="VerilatorOptions.FastFlags"/>) to compare builds.
/// </summary>
internal static class CosimBenchmark
{
    private const int Repeats = 60_000;

    public static void Run(string[] args)
    {
        var cached = args.Contains("--cached");
        var opt = Array.IndexOf(args, "--opt");
        var verilator = opt >= 0 && opt + 1 < args.Length
            ? VerilatorOptions.Default with { OptimisationFlags = args[opt + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries) }
            : VerilatorOptions.Default;
        args = [.. args.Where((a, i) => a != "--cached" && (opt < 0 || (i != opt && i != opt + 1)))];
        Console.WriteLine($"Verilator flags: {string.Join(' ', verilator.VerilatorFlags())}");
        var presets = args.Length > 0 ? args : ["small"];
        Console.WriteLine("| preset | cycles | model alone cycles/s | lockstep cycles/s | lockstep cycles/CPU-s | bytes allocated/cycle, model alone | ... lockstep | build cold s | build cached s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var breakdown = new List<string>();
        foreach (var preset in presets)
        {
            var config = Presets.Get(preset);
            var program = StreamingProgram(config);

            var model = new LpuSimulator(config);
            model.Load(program);
            var modelBytes = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var cycles = model.Run();
            modelBytes = GC.GetAllocatedBytesForCurrentThread() - modelBytes;
            var modelRate = cycles / clock.Elapsed.TotalSeconds;

            var cache = cached ? null : Path.Combine(Path.GetTempPath(), "lpu-cosim-bench-" + Environment.ProcessId);
            clock.Restart();
            using (var cold = new CosimSession(program, new CosimOptions { CacheRoot = cache, Verilator = verilator }))
                _ = cold.RtlBuildFromCache;
            var coldSeconds = cached ? double.NaN : clock.Elapsed.TotalSeconds;

            clock.Restart();
            using var session = new CosimSession(program, new CosimOptions { CacheRoot = cache, Verilator = verilator });
            var cachedSeconds = clock.Elapsed.TotalSeconds;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var lockstepBytes = GC.GetAllocatedBytesForCurrentThread();
            var result = session.Run();
            lockstepBytes = GC.GetAllocatedBytesForCurrentThread() - lockstepBytes;
            var cpuRate = result.Cycles / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            if (!result.Matches)
                throw new InvalidOperationException(result.Divergence!.ToString());

            using (var measured = new CosimSession(program, new CosimOptions { CacheRoot = cache, Verilator = verilator, MeasurePhases = true }))
                breakdown.Add(Breakdown(preset, measured.Run()));
            if (cache is not null)
                Directory.Delete(cache, recursive: true);

            Console.WriteLine($"| {preset} | {result.Cycles:N0} | {modelRate:N0} | {result.CyclesPerSecond:N0} | {cpuRate:N0} | {(double)modelBytes / cycles:F1} | {(double)lockstepBytes / result.Cycles:F1} | {coldSeconds:F1} | {cachedSeconds:F1} |");
        }

        Console.WriteLine();
        Console.WriteLine("Per lockstep cycle, ns, median (mean) of the cycles of a measured run, whose tick and read are two native calls:");
        Console.WriteLine();
        Console.WriteLine("| preset | model step | RTL tick | event read | RTL decode | compare | history + done | read to done |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var line in breakdown)
            Console.WriteLine(line);
    }

    private static string Breakdown(string preset, CosimResult result)
    {
        if (!result.Matches || result.Phases is not { } p)
            throw new InvalidOperationException(result.Divergence?.ToString() ?? "no phase times");
        static string Ns(PhaseTime t) => $"{t.MedianNs:F0} ({t.MeanNs:F0})";
        PhaseTime[] parts = [p.EventRead, p.Decode, p.Compare, p.History];
        var between = new PhaseTime(parts.Sum(x => x.MedianNs), parts.Sum(x => x.MeanNs));
        return $"| {preset} | {Ns(p.ModelStep)} | {Ns(p.RtlTick)} | {Ns(p.EventRead)} | {Ns(p.Decode)} | {Ns(p.Compare)} | {Ns(p.History)} | {Ns(between)} |";
    }

    /// <summary>Every cycle: two slices next to the VXM read, ALU 0 adds, the slice east of it writes.</summary>
    internal static LpuProgram StreamingProgram(LpuConfig config, int repeats = Repeats)
    {
        var builder = new ProgramBuilder(config);
        builder.Queue("mem.w.1").Read(0, StreamRef.East(1)).Repeat(repeats, 1);                       // 2 hops: issues at T - 4
        builder.Queue("mem.w.0").Nop(1).Read(0, StreamRef.East(0)).Repeat(repeats, 1);               // 1 hop: T - 3
        builder.Queue("vxm.0").Nop(4).Vxm(VxmOp.Add, DataType.I8, StreamRef.East(2), StreamRef.East(0), StreamRef.East(1)).Repeat(repeats, 1);
        builder.Queue("mem.e.0").Nop(7).Write(0, StreamRef.East(2)).Repeat(repeats, 1);              // 1 hop east: T + 3
        var vector = Enumerable.Range(0, config.VectorLength).Select(i => (byte)i).ToArray();
        builder.Data(0, 0, vector).Data(1, 0, vector);
        return builder.Build();
    }
}
