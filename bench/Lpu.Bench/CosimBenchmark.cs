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
/// for 60,000 cycles) on the model alone and on RTL + model in lockstep, on one thread and with the
/// RTL on a second thread (<see cref="CosimOptions.TwoThreads"/>; the fastest of three runs each), plus the Verilator build time
/// cold (empty cache) and cached; then where a lockstep cycle's time goes, per thread (runs with
/// <see cref="CosimOptions.MeasurePhases"/>, whose timestamps add ~20 ns per phase). Usage:
/// <c>cosim [--cached] [--pgo] [--opt "FLAGS"] [--rtl DIR] [preset ...]</c>, default <c>small</c>; <c>--cached</c> uses
/// the shared build cache (<c>$LPU_SIM_CACHE</c>) instead of timing a cold build; <c>--pgo</c> makes the
/// build profile-guided (<see cref="VerilatorOptions.ProfileGuided"/>, trained on <see cref="ProfileWorkload"/>,
/// not on this program); <c>--opt</c> replaces Verilator's optimisation flags (<see cref="VerilatorOptions.FastFlags"/>) to compare builds;
/// <c>--rtl DIR</c> co-simulates the Verilog in DIR (e.g. an earlier <c>generated/small</c>) to compare RTL versions.
/// </summary>
internal static class CosimBenchmark
{
    private const int Repeats = 60_000;
    private const int Runs = 3;

    public static void Run(string[] args)
    {
        var parsed = new BenchArgs(args, ["--cached", "--pgo"], ["--opt", "--rtl"]);
        var cached = parsed.Has("--cached");
        var verilator = VerilatorOptions.Default with { ProfileGuided = parsed.Has("--pgo") };
        if (parsed.Value("--opt") is { } opt)
            verilator = verilator with { OptimisationFlags = opt.Split(' ', StringSplitOptions.RemoveEmptyEntries) };
        var rtlDirectory = parsed.Value("--rtl");
        Console.WriteLine($"Verilator flags: {string.Join(' ', verilator.VerilatorFlags())}{(verilator.ProfileGuided ? ", profile-guided" : string.Empty)}");
        var presets = parsed.Positional.Count > 0 ? parsed.Positional : ["small"];
        Console.WriteLine("| preset | cycles | model alone cycles/s | lockstep, one thread, cycles/s | ... cycles/CPU-s | lockstep, two threads, cycles/s | ... cycles/CPU-s | bytes allocated/cycle, model alone | ... lockstep | build cold s | build cached s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var oneThread = new List<string>();
        var twoThreads = new List<string>();
        foreach (var preset in presets)
        {
            var config = Presets.Get(preset);
            var program = StreamingProgram(config);

            var model = new LpuSimulator(config);
            model.Load(program);
            var modelBytes = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            // In cycle order with a callback, as lockstep steps it (Run alone would go in wave order).
            var cycles = model.Run(onCycle: static _ => { });
            modelBytes = GC.GetAllocatedBytesForCurrentThread() - modelBytes;
            var modelRate = cycles / clock.Elapsed.TotalSeconds;

            var cache = cached ? null : Path.Combine(Path.GetTempPath(), "lpu-cosim-bench-" + Environment.ProcessId);
            clock.Restart();
            var options = new CosimOptions { CacheRoot = cache, Verilator = verilator, RtlDirectory = rtlDirectory };
            using (var cold = new CosimSession(program, options))
                _ = cold.RtlBuildFromCache;
            var coldSeconds = cached ? double.NaN : clock.Elapsed.TotalSeconds;

            clock.Restart();
            using (new CosimSession(program, options))
                _ = clock.Elapsed;
            var cachedSeconds = clock.Elapsed.TotalSeconds;

            // Each way three times, alternating, keeping the fastest: the least disturbed by other work.
            var single = new List<(CosimResult Result, double CpuRate, double Bytes)>();
            var pipelined = new List<(CosimResult Result, double CpuRate, double Bytes)>();
            for (var i = 0; i < Runs; i++)
            {
                single.Add(Lockstep(program, options with { TwoThreads = false }));
                pipelined.Add(Lockstep(program, options with { TwoThreads = true }));
            }

            var (one, oneCpuRate, _) = single.MaxBy(r => r.Result.CyclesPerSecond);
            var (two, twoCpuRate, lockstepBytes) = pipelined.MaxBy(r => r.Result.CyclesPerSecond);
            if (one.Cycles != two.Cycles || one.EventsCompared != two.EventsCompared)
                throw new InvalidOperationException($"one thread ran {one.Cycles} cycles and compared {one.EventsCompared} events, two threads {two.Cycles} and {two.EventsCompared}");

            oneThread.Add(Breakdown(preset, Lockstep(program, options with { TwoThreads = false, MeasurePhases = true }).Result));
            twoThreads.Add(ThreadBreakdown(preset, Lockstep(program, options with { TwoThreads = true, MeasurePhases = true }).Result));
            if (cache is not null)
                Directory.Delete(cache, recursive: true);

            Console.WriteLine($"| {preset} | {one.Cycles:N0} | {modelRate:N0} | {one.CyclesPerSecond:N0} | {oneCpuRate:N0} | {two.CyclesPerSecond:N0} | {twoCpuRate:N0} | {(double)modelBytes / cycles:F1} | {lockstepBytes / two.Cycles:F1} | {coldSeconds:F1} | {cachedSeconds:F1} |");
        }

        Console.WriteLine();
        Console.WriteLine("One thread: per lockstep cycle, ns, median (mean) of the cycles of a measured run, whose tick and read are two native calls:");
        Console.WriteLine();
        Console.WriteLine("| preset | model step | RTL tick | event read | RTL decode | compare | history + done | read to done |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var line in oneThread)
            Console.WriteLine(line);
        Console.WriteLine();
        Console.WriteLine("Two threads: per cycle and thread, ns, median (mean); a cycle costs the busier thread's work, the other waits:");
        Console.WriteLine();
        Console.WriteLine("| preset | RTL thread: tick | event read | wait for room | busy | model thread: step | hand-off + wait for RTL | RTL decode | compare | history + done | busy |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var line in twoThreads)
            Console.WriteLine(line);
    }

    /// <summary>One lockstep run that must match: the result, cycles per second of process CPU, and bytes allocated (all threads).</summary>
    private static (CosimResult Result, double CpuRate, double Bytes) Lockstep(LpuProgram program, CosimOptions options)
    {
        using var session = new CosimSession(program, options);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var result = session.Run();
        bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        var cpuRate = result.Cycles / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (!result.Matches)
            throw new InvalidOperationException(result.Divergence!.ToString());
        return (result, cpuRate, bytes);
    }

    private static string Ns(PhaseTime t) => $"{t.MedianNs:F0} ({t.MeanNs:F0})";

    private static PhaseTime Sum(params PhaseTime[] parts) => new(parts.Sum(x => x.MedianNs), parts.Sum(x => x.MeanNs));

    private static string Breakdown(string preset, CosimResult result)
    {
        if (result.Phases is not { } p)
            throw new InvalidOperationException("no phase times");
        return $"| {preset} | {Ns(p.ModelStep)} | {Ns(p.RtlTick)} | {Ns(p.EventRead)} | {Ns(p.Decode)} | {Ns(p.Compare)} | {Ns(p.History)} | {Ns(Sum(p.EventRead, p.Decode, p.Compare, p.History))} |";
    }

    private static string ThreadBreakdown(string preset, CosimResult result)
    {
        if (result.Phases is not { TwoThreads: true } p)
            throw new InvalidOperationException("no phase times of two threads");
        return $"| {preset} | {Ns(p.RtlTick)} | {Ns(p.EventRead)} | {Ns(p.RtlWait)} | {Ns(Sum(p.RtlTick, p.EventRead))} " +
            $"| {Ns(p.ModelStep)} | {Ns(p.ModelWait)} | {Ns(p.Decode)} | {Ns(p.Compare)} | {Ns(p.History)} | {Ns(Sum(p.ModelStep, p.Decode, p.Compare, p.History))} |";
    }

    /// <summary>Every cycle: two slices next to the VXM read, ALU 0 adds, the slice east of it writes.</summary>
    internal static LpuProgram StreamingProgram(LpuConfig config, int repeats = Repeats) =>
        ProfileWorkload.StreamingProgram(config, repeats + 1, [VxmOp.Add]);
}
