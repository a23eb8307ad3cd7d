using System.Diagnostics;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Lockstep;
using Lpu.Cosim.Verilator;
using Lpu.Rtl;

namespace Lpu.Bench;

/// <summary>
/// <c>rtl-tick [preset or config.json ...] [--cycles N] [--rtl DIR] [--verilator-flag F ...] [--pgo] [--runs N]</c>: the RTL's share of lockstep co-simulation.
/// Builds <c>lpu_top</c> of each preset with Verilator (cached; the fast build the co-simulator uses),
/// loads a streaming program through the host port (VXM add every cycle, two reads and a write), and
/// times N cycles of "read the <c>events</c> port, tick" as the co-simulator does, without the model.
/// <c>--rtl DIR</c> builds the Verilog in DIR instead (e.g. a hand-edited variant, to find where the
/// time goes) with the generated port list; <c>--verilator-flag</c> adds a Verilator argument to the fast
/// build (repeat it for several, e.g. <c>--verilator-flag --expand-limit --verilator-flag 128</c>); <c>--pgo</c>
/// makes it profile-guided (trained on <see cref="ProfileWorkload"/>, not on the timed program). Default: <c>small</c>, 60,000 cycles (at most 65,435), best of 3 runs.
/// </summary>
internal static class RtlTickBenchmark
{
    private const int MaxCycles = 65_535 - 100;

    public static void Run(string[] args)
    {
        var parsed = new BenchArgs(args, ["--pgo"], ["--cycles", "--runs", "--rtl", "--verilator-flag"]);
        // The program is one repeat per queue, whose count is a 16-bit field.
        var cycles = parsed.PositiveInt("--cycles", 60_000, MaxCycles);
        var runs = parsed.PositiveInt("--runs", 3, 100);
        var rtlDirectory = parsed.Value("--rtl");
        var flags = parsed.Values("--verilator-flag");
        var profileGuided = parsed.Has("--pgo");
        var presets = parsed.Positional.Count > 0 ? parsed.Positional : ["small"];

        Console.WriteLine($"rtl-tick: {VerilatorBuild.VerilatorVersion} {string.Join(' ', flags)}{(profileGuided ? " profile-guided" : string.Empty)}; {cycles:N0} cycles per measurement, best of {runs}");
        Console.WriteLine("| preset | build s | us/tick (CPU) | us/tick (wall) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var preset in presets)
        {
            var config = preset.EndsWith(".json", StringComparison.Ordinal) ? ConfigJson.Load(preset) : Presets.Get(preset);
            var design = RtlGenerator.Generate(config);
            var clock = Stopwatch.StartNew();
            var build = RtlBuild.Build(design, rtlDirectory, VerilatorOptions.Default with { ExtraFlags = flags, ProfileGuided = profileGuided }, cacheRoot: null);
            var buildSeconds = clock.Elapsed.TotalSeconds;
            var program = CosimBenchmark.StreamingProgram(config, cycles + 100);   // runs past the measurement

            var bestCpu = double.MaxValue;
            var bestWall = double.MaxValue;
            for (var run = 0; run < runs; run++)
            {
                var (cpu, wall) = TimeTicks(build, design, program, cycles);
                bestCpu = Math.Min(bestCpu, cpu);
                bestWall = Math.Min(bestWall, wall);
            }

            var origin = build.FromCache ? " (cached)" : string.Empty;
            Console.WriteLine($"| {preset} | {buildSeconds:F1}{origin} | {bestCpu:F2} | {bestWall:F2} |");
        }
    }

    /// <summary>Loads and starts the program, then times <paramref name="cycles"/> of (read events, tick): microseconds per tick.</summary>
    private static (double Cpu, double Wall) TimeTicks(VerilatorBuildResult build, RtlDesign design, LpuProgram program, int cycles)
    {
        using var sim = build.CreateSimulation();
        RtlHost.Load(sim, design, program).StartProgram();
        var events = sim.PortIndex(TraceLayout.PortName);
        var running = sim.PortIndex("running");
        var trace = new uint[(design.Trace.Width + 31) / 32];

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < cycles; i++)
        {
            sim.GetOutput(events, trace);
            sim.Tick();
        }

        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        if (sim.GetOutput(running) == 0)
            throw new InvalidOperationException("the program stopped before the measurement ended: the timing would include idle cycles");
        return (cpu.TotalMicroseconds / cycles, wall.Elapsed.TotalMicroseconds / cycles);
    }
}
