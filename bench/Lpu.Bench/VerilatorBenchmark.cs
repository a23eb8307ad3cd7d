using System.Diagnostics;
using Lpu.Cosim.Verilator;

namespace Lpu.Bench;

/// <summary>
/// <c>verilator-tick [cycles]</c>: times the Verilator harness on a small design (four int8 MACs
/// into a 128-bit accumulator bus): the cost of one native call, <c>Tick()</c> per cycle,
/// <c>Tick(n)</c> in one call, and a co-simulation-shaped loop (three inputs set, one tick, one batch
/// read per cycle), and the lockstep event read (<see cref="FieldReader"/>). The build is cached, so only the first run pays for Verilator.
/// </summary>
public static class VerilatorBenchmark
{
    private const int Repeats = 3;

    private const string Verilog = """
        `default_nettype none
        module bench_mac (
            input  wire         clk,
            input  wire         rst,
            input  wire         valid,
            input  wire [31:0]  a,
            input  wire [31:0]  b,
            output reg  [127:0] acc_q,
            output reg  [31:0]  count_q
        );
            always @(posedge clk) begin
                if (rst) begin
                    acc_q <= 128'd0;
                    count_q <= 32'd0;
                end else if (valid) begin
                    acc_q[31:0]   <= acc_q[31:0]   + ({{24{a[7]}},  a[7:0]}   * {{24{b[7]}},  b[7:0]});
                    acc_q[63:32]  <= acc_q[63:32]  + ({{24{a[15]}}, a[15:8]}  * {{24{b[15]}}, b[15:8]});
                    acc_q[95:64]  <= acc_q[95:64]  + ({{24{a[23]}}, a[23:16]} * {{24{b[23]}}, b[23:16]});
                    acc_q[127:96] <= acc_q[127:96] + ({{24{a[31]}}, a[31:24]} * {{24{b[31]}}, b[31:24]});
                    count_q <= count_q + 32'd1;
                end
            end
        endmodule

        """;

    public static void Run(string[] args)
    {
        var cycles = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2_000_000;
        var design = new VerilatorDesign(
            [new VerilatorSource("bench_mac.v", Verilog)],
            "bench_mac",
            [
                VerilatorPort.Input("clk"),
                VerilatorPort.Input("rst"),
                VerilatorPort.Input("valid"),
                VerilatorPort.Input("a", 32),
                VerilatorPort.Input("b", 32),
                VerilatorPort.Output("acc_q", 128),
                VerilatorPort.Output("count_q", 32),
            ],
            "clk");

        var started = Stopwatch.StartNew();
        var build = VerilatorBuild.Build(design);
        Console.WriteLine($"verilator-tick: {VerilatorBuild.VerilatorVersion}; {Environment.ProcessorCount} cores; {cycles:N0} cycles per measurement");
        Console.WriteLine($"build: {started.Elapsed.TotalSeconds:F2} s ({(build.FromCache ? "from cache" : "Verilator ran")})");

        using var sim = build.CreateSimulation();
        int rst = sim.PortIndex("rst"), valid = sim.PortIndex("valid"), a = sim.PortIndex("a"), b = sim.PortIndex("b");
        var count = sim.PortIndex("count_q");
        sim.SetInput(rst, 1);
        sim.Tick();
        sim.SetInput(rst, 0);
        sim.SetInput(valid, 1);

        ulong sink = 0;
        Time("GetOutput (one native call)", "calls", cycles, () =>
        {
            for (var i = 0; i < cycles; i++)
            {
                sink += sim.GetOutput(count);
            }
        });
        Time("SetInput (one native call)", "calls", cycles, () =>
        {
            for (var i = 0; i < cycles; i++)
            {
                sim.SetInput(a, (uint)i);
            }
        });
        Time("Tick() per cycle", "cycles", cycles, () =>
        {
            for (var i = 0; i < cycles; i++)
            {
                sim.Tick();
            }
        });
        Time("Tick(n) in one call", "cycles", cycles, () => sim.Tick((ulong)cycles));
        var batch = sim.CreateBatch("acc_q", "count_q");
        Time("lockstep shape: 3 SetInput + Tick + batch Read per cycle", "cycles", cycles, () =>
        {
            for (var i = 0; i < cycles; i++)
            {
                sim.SetInput(valid, 1);
                sim.SetInput(a, (uint)(i * 0x01010101));
                sim.SetInput(b, (uint)(i * 0x00030507));
                sim.Tick();
                sim.Read(batch);
                sink += batch[1];
            }
        });
        // The lockstep read path: four fields of acc_q (summary bits 124..127: whichever the
        // accumulator's top bits say), ticked and read in one call, and the read alone.
        var reader = sim.CreateFieldReader("acc_q", 124, [[(0, 32)], [(32, 40)], [(72, 20), (92, 32)], [(100, 24)]]);
        Time("TickAndRead of 4 fields (tick + summary + set fields in one call)", "cycles", cycles, () =>
        {
            for (var i = 0; i < cycles; i++)
            {
                sink += sim.TickAndRead(reader)[0];
            }
        });
        Time("TickAndRead(0) of 4 fields (the read alone)", "calls", cycles, () =>
        {
            for (var i = 0; i < cycles; i++)
            {
                sink += sim.TickAndRead(reader, 0)[0];
            }
        });
        var expected = 4UL * Repeats * (ulong)cycles;   // ticks with valid high: Tick(), Tick(n), lockstep shape, TickAndRead
        Console.WriteLine($"(checksum {sink}; count_q {sim.GetOutput(count)}, expected {expected & uint.MaxValue})");
    }

    /// <summary>
    /// Runs the body <see cref="Repeats"/> times (the first also warms the JIT) and reports the fastest,
    /// by wall clock and by this process's CPU time (the honest figure on a shared, busy machine).
    /// </summary>
    private static void Time(string what, string unit, int count, Action body)
    {
        var bestWall = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < Repeats; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            body();
            var wall = sw.Elapsed;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            bestWall = wall < bestWall ? wall : bestWall;
            bestCpu = cpu < bestCpu ? cpu : bestCpu;
        }

        Console.WriteLine(
            $"{what}: {count / bestCpu.TotalSeconds / 1e6:F2} M {unit}/s, {bestCpu.TotalNanoseconds / count:F1} ns each by CPU time; "
            + $"{count / bestWall.TotalSeconds / 1e6:F2} M {unit}/s by wall clock (best of {Repeats})");
    }
}
