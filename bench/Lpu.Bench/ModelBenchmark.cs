using System.Diagnostics;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Model;

namespace Lpu.Bench;

/// <summary>
/// <c>model [preset...] [cycles]</c>: times the golden model on two programs per preset (default
/// <c>medium tsp</c>, about 20,000 busy cycles): <c>mxm</c> keeps every MXM plane doing an abc per
/// cycle fed by MEM reads, <c>stream</c> keeps every MEM slice reading and every VXM ALU adding,
/// <c>lockstep</c> is the co-simulation benchmark's streaming program (60,000 cycles).
/// Prints simulated cycles/s, events/s and MACs/s in cycle order (a run with a per-cycle
/// callback), then cycles/s of the same program in wave order (no callback).
/// </summary>
public static class ModelBenchmark
{
    public static void Run(string[] args)
    {
        var cycles = args.Length > 0 && int.TryParse(args[^1], out var n) ? n : 20_000;
        var presets = args.Where(a => !int.TryParse(a, out _)).DefaultIfEmpty("medium").ToList();
        if (args.Length == 0)
            presets.Add("tsp");
        Console.WriteLine($"model: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {cycles} busy cycles per program");
        foreach (var preset in presets)
        {
            var config = Presets.Get(preset);
            var sw = Stopwatch.StartNew();
            var simulator = new LpuSimulator(config);
            Console.WriteLine($"{preset}: machine built in {sw.Elapsed.TotalSeconds:F2} s");
            Time(preset, "mxm", simulator, () => MxmProgram(config, cycles));
            Time(preset, "stream", simulator, () => StreamProgram(config, cycles));
            // The lockstep benchmark's program (cosim scenario), on the model alone.
            Time(preset, "lockstep", simulator, () => CosimBenchmark.StreamingProgram(config));
        }
    }

    private static void Time(string preset, string name, LpuSimulator simulator, Func<LpuProgram> build)
    {
        LpuProgram program;
        try
        {
            program = build();
            simulator.Load(program);
        }
        catch (ArgumentException e)
        {
            // e.g. the mxm program needs more streams than 'small' has
            Console.WriteLine($"{preset} {name}: not applicable ({e.Message})");
            return;
        }

        // Warm-up run so the timed run measures optimised code, not the JIT's first tiers.
        simulator.Load(program);
        simulator.Run(long.MaxValue);
        simulator.Load(program);
        long events = 0;
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var done = simulator.Run(long.MaxValue, e => events += e.Count);
        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        // CPU time is the fairer figure on a shared machine. Large MXM products run on a second
        // thread beside the simulation, so the wall time may be the shorter one.
        var seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var c = simulator.Counters;
        var (macs, reads) = (c.Macs, c.SramReads);

        // The same program without a callback: in wave order, no per-cycle events.
        simulator.Load(program);
        process.Refresh();
        cpu = process.TotalProcessorTime;
        sw.Restart();
        simulator.Run(long.MaxValue);
        var waveWall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        var waveSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(
            $"{preset} {name}: {done} cycles, {seconds:F2} s CPU ({wall:F2} s wall) = {done / seconds / 1e3:F1} k cycles/s, " +
            $"{events / seconds / 1e6:F2} M events/s, {macs / seconds / 1e9:F2} G MACs/s " +
            $"({macs} MACs, {reads} SRAM tile reads); wave order {waveSeconds:F2} s CPU ({waveWall:F2} s wall) = {done / waveSeconds / 1e3:F1} k cycles/s");
    }

    /// <summary>Every plane: lw/iw once, then abc (add) every cycle; west slices feed w0, east slices e0.</summary>
    public static LpuProgram MxmProgram(LpuConfig config, int cycles)
    {
        var b = new ProgramBuilder(config);
        var m = config.Mem.SlicesPerHemisphere;
        var vl = config.VectorLength;
        var random = new Random(1);
        var data = new byte[vl];
        random.NextBytes(data);
        for (var s = 0; s < config.SliceCount; s++)
            b.Data(s, 0, data);
        // The outermost slice of each side reads every cycle towards its MXM.
        b.Queue($"mem.w.{m - 1}").Read(0, StreamRef.West(0)).Repeat(cycles, 1, 0);
        b.Queue($"mem.e.{m - 1}").Read(0, StreamRef.East(0)).Repeat(cycles, 1, 0);
        var rows = Math.Min(config.StreamsPerDirection / 2, vl);
        for (var p = 0; p < config.Mxm.Planes; p++)
        {
            var west = p < config.Mxm.WestPlanes;
            var src = west ? StreamRef.West(0) : StreamRef.East(0);
            b.Queue($"mxm.{p}.w").Nop(8).Lw(src, rows).Iw();
            b.Queue($"mxm.{p}.a").Nop(8 + 2 + config.Superlanes + 2).Abc(src, 0, true).Repeat(cycles - 1, 1, 0);
            var acc = b.Queue($"mxm.{p}.c").Nop(8 + 2 + (2 * config.Superlanes) + 8);
            // one acc per 64 cycles, each plane on its own outgoing streams
            acc.Acc(0, west ? StreamRef.East(4 * (p % 2) + 8) : StreamRef.West(4 * (p % 2) + 8)).Repeat((cycles / 64) - 1, 64, 0);
        }

        return b.Build();
    }

    /// <summary>Every MEM slice reads every cycle; every VXM ALU adds two streams every cycle.</summary>
    public static LpuProgram StreamProgram(LpuConfig config, int cycles)
    {
        var b = new ProgramBuilder(config);
        var m = config.Mem.SlicesPerHemisphere;
        var s = config.StreamsPerDirection;
        var vl = config.VectorLength;
        var random = new Random(2);
        for (var slice = 0; slice < config.SliceCount; slice++)
        {
            var data = new byte[vl * 4];
            random.NextBytes(data);
            b.Data(slice, 0, data);
        }

        for (var i = 0; i < m; i++)
        {
            // slice i of each side produces towards the VXM on its own stream
            b.Queue($"mem.w.{i}").Read(0, StreamRef.East(i % s)).Repeat(cycles, 1, 0);
            b.Queue($"mem.e.{i}").Read(0, StreamRef.West(i % s)).Repeat(cycles, 1, 0);
        }

        for (var a = 0; a < config.Vxm.AlusPerLane; a++)
        {
            var dst = a % 2 == 0 ? StreamRef.East((s / 2) + (a / 2 % (s / 2))) : StreamRef.West((s / 2) + (a / 2 % (s / 2)));
            b.Queue($"vxm.{a}").Nop(m + 4).Vxm(VxmOp.Add, DataType.I8, dst, StreamRef.East(a % Math.Min(m, s)), StreamRef.West(a % Math.Min(m, s))).Repeat(cycles, 1, 0);
        }

        return b.Build();
    }
}
