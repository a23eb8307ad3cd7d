using System.Diagnostics;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Verilator;
using Lpu.Rtl;

namespace Lpu.Bench;

/// <summary>
/// <c>rtl-tick [preset ...] [--cycles N] [--rtl DIR] [--verilator-flag F ...]</c>: the RTL's share of lockstep co-simulation.
/// Builds <c>lpu_top</c> of each preset with Verilator (cached; the fast build the co-simulator uses),
/// loads a streaming program through the host port (VXM add every cycle, two reads and a write), and
/// times N cycles of "read the <c>events</c> port, tick" as the co-simulator does, without the model.
/// <c>--rtl DIR</c> builds the Verilog in DIR instead (e.g. a hand-edited variant, to find where the
/// time goes) with the generated port list; <c>--verilator-flag</c> adds a Verilator argument to the fast
/// build (repeat it for several, e.g. <c>--verilator-flag --expand-limit --verilator-flag 128</c>). Default: <c>small</c>, 60,000 cycles (at most 65,435).
/// </summary>
internal static class RtlTickBenchmark
{
    private const int Repeats = 3;

    // Host port commands (docs/rtl.md "Host port").
    private const int Nop = 0, WriteQueue = 1, SetQueueLength = 2, WriteSram = 3, Start = 7;

    private const int MaxCycles = 65_535 - 100;

    public static void Run(string[] args)
    {
        var presets = new List<string>();
        var cycles = 60_000;
        string? rtlDirectory = null;
        var flags = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--cycles" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0)
            {
                // The program is one repeat per queue, whose count is a 16-bit field.
                if (n > MaxCycles)
                    throw new ArgumentException($"--cycles: at most {MaxCycles:N0} (one repeat of the streaming program), got {n:N0}");
                cycles = n;
            }
            else if (args[i] == "--rtl" && i + 1 < args.Length)
                rtlDirectory = args[i + 1];
            else if (args[i] == "--verilator-flag" && i + 1 < args.Length)
                flags.Add(args[i + 1]);
            else
            {
                presets.Add(args[i]);
                continue;
            }

            i++;
        }

        if (presets.Count == 0)
            presets.Add("small");

        Console.WriteLine($"rtl-tick: {VerilatorBuild.VerilatorVersion} {string.Join(' ', flags)}; {cycles:N0} cycles per measurement, best of {Repeats}");
        Console.WriteLine("| preset | build s | us/tick (CPU) | us/tick (wall) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var preset in presets)
        {
            var config = Presets.Get(preset);
            var design = RtlGenerator.Generate(config);
            var clock = Stopwatch.StartNew();
            var build = VerilatorBuild.Build(Design(design, rtlDirectory, flags));
            var buildSeconds = clock.Elapsed.TotalSeconds;
            var program = StreamingProgram(config, cycles);

            var bestCpu = double.MaxValue;
            var bestWall = double.MaxValue;
            for (var run = 0; run < Repeats; run++)
            {
                var (cpu, wall) = TimeTicks(build, design, program, cycles);
                bestCpu = Math.Min(bestCpu, cpu);
                bestWall = Math.Min(bestWall, wall);
            }

            var origin = build.FromCache ? " (cached)" : string.Empty;
            Console.WriteLine($"| {preset} | {buildSeconds:F1}{origin} | {bestCpu:F2} | {bestWall:F2} |");
        }
    }

    private static VerilatorDesign Design(RtlDesign design, string? rtlDirectory, List<string> flags)
    {
        var sources = rtlDirectory is null
            ? design.Verilog.Modules.Select(f => new VerilatorSource(f.Name, f.Text))
            : Directory.EnumerateFiles(rtlDirectory, "*.v").Order(StringComparer.Ordinal).Select(VerilatorSource.FromFile);
        var ports = design.Ports.Select(p => p.IsInput ? VerilatorPort.Input(p.Name, p.Width) : VerilatorPort.Output(p.Name, p.Width));
        return new VerilatorDesign(sources, design.Top, ports, "clk", VerilatorOptions.Default with { ExtraFlags = flags });
    }

    /// <summary>Loads and starts the program, then times <paramref name="cycles"/> of (read events, tick): microseconds per tick.</summary>
    private static (double Cpu, double Wall) TimeTicks(VerilatorBuildResult build, RtlDesign design, LpuProgram program, int cycles)
    {
        using var sim = build.CreateSimulation();
        Load(sim, design, program);
        var events = sim.PortIndex("events");
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

    /// <summary>Reset, queues, SRAM words and START through the host port, one command per cycle.</summary>
    private static void Load(VerilatorSimulation sim, RtlDesign design, LpuProgram program)
    {
        int valid = sim.PortIndex("host_valid"), op = sim.PortIndex("host_op"), address = sim.PortIndex("host_addr");
        int wdata = sim.PortIndex("host_wdata"), resetN = sim.PortIndex("rst_n");
        var words = new uint[(design.HostDataWidth + 31) / 32];

        void Command(int code, int unit, int tile, int index)
        {
            sim.SetInput(op, (ulong)code);
            sim.SetInput(address, ((ulong)(uint)unit << 24) | ((ulong)(uint)tile << 16) | (uint)index);
            if (words.Length > 2)
                sim.SetInput(wdata, words);
            else
                sim.SetInput(wdata, words[0] | (words.Length > 1 ? (ulong)words[1] << 32 : 0));
            sim.SetInput(valid, 1);
            sim.Tick();
            sim.SetInput(valid, 0);
            sim.SetInput(op, Nop);
            Array.Clear(words);
        }

        sim.SetInput(resetN, 0);
        sim.Tick(2);
        sim.SetInput(resetN, 1);
        sim.Tick();
        foreach (var q in design.Queues)
        {
            var instructions = program.Queues[q];
            for (var i = 0; i < instructions.Count; i++)
            {
                var word = instructions[i].Encode();
                words[0] = (uint)word;
                words[1] = (uint)(word >> 32);
                Command(WriteQueue, q, 0, i);
            }

            words[0] = (uint)instructions.Count;
            Command(SetQueueLength, q, 0, 0);
        }

        var config = program.Config;
        foreach (var block in program.Data)
        {
            for (var w = 0; w < block.WordCount(config.VectorLength); w++)
            {
                for (var k = 0; k < config.Superlanes; k++)
                {
                    var start = (w * config.VectorLength) + (k * config.LanesPerSuperlane);
                    for (var lane = 0; lane < config.LanesPerSuperlane; lane++)
                        words[lane / 4] |= (uint)block.Bytes[start + lane] << (8 * (lane % 4));
                    Command(WriteSram, block.Slice, k, block.Address + w);
                }
            }
        }

        Command(Start, 0, 0, 0);
    }

    /// <summary>Every cycle: two slices next to the VXM read, ALU 0 adds, the slice east of it writes
    /// (the co-simulation benchmark's program), running longer than the measurement.</summary>
    private static LpuProgram StreamingProgram(LpuConfig config, int cycles)
    {
        var repeats = cycles + 100;
        var builder = new ProgramBuilder(config);
        builder.Queue("mem.w.1").Read(0, StreamRef.East(1)).Repeat(repeats, 1);
        builder.Queue("mem.w.0").Nop(1).Read(0, StreamRef.East(0)).Repeat(repeats, 1);
        builder.Queue("vxm.0").Nop(4).Vxm(VxmOp.Add, DataType.I8, StreamRef.East(2), StreamRef.East(0), StreamRef.East(1)).Repeat(repeats, 1);
        builder.Queue("mem.e.0").Nop(7).Write(0, StreamRef.East(2)).Repeat(repeats, 1);
        var vector = Enumerable.Range(0, config.VectorLength).Select(i => (byte)i).ToArray();
        builder.Data(0, 0, vector).Data(1, 0, vector);
        return builder.Build();
    }
}
