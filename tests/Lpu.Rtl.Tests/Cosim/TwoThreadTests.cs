using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Lockstep;
using Lpu.Cosim.Verilator;
using Lpu.Model;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Cosim;

/// <summary>
/// The lockstep loop with the RTL on a thread of its own against the one-thread loop: the same
/// results, reports, waveforms and errors, at the same cycle, on agreeing runs and on planted
/// divergences; and the RTL left exactly where the one-thread loop leaves it.
/// </summary>
public class TwoThreadTests
{
    private static readonly LpuConfig Small = Presets.Get("small");

    private static LpuProgram Example(string name) =>
        Assembler.Assemble(File.ReadAllText(RepoPaths.Of($"sim/programs/{name}")), Small, name);

    private static LpuProgram Assemble(string text) => Assembler.Assemble(text, Small, "test.s");

    /// <summary>vector_ops.s's add stream for <paramref name="repeats"/> + 1 cycles (many times round the ring), and <paramref name="more"/>.</summary>
    private static LpuProgram Streaming(int repeats, string more = "") => Assemble($"""
        mem.w.1:
            read 0, e1
            repeat {repeats}, 1, 0
        mem.w.0:
            nop 1
            read 0, e0
            repeat {repeats}, 1, 0
        vxm.0:
            nop 4
            add.i8 e2, e0, e1
            repeat {repeats}, 1, 0
        mem.e.0:
            nop 7
            write 0, e2
            repeat {repeats}, 1, 0
        .data 0 0
            .i8 1 2 3 4 5 6 7 8
        .data 1 0
            .i8 10 20 30 40 50 60 70 127
        {more}
        """);

    /// <summary>Runs <paramref name="program"/> with one thread and with two; returns both outcomes.</summary>
    private static (Outcome One, Outcome Two) Both(LpuProgram program, CosimOptions? options = null, LpuProgram? rtlProgram = null, TempDir? vcdDir = null)
    {
        Outcome Run(bool twoThreads)
        {
            var vcd = vcdDir is null ? null : vcdDir[twoThreads ? "two.vcd" : "one.vcd"];
            var o = (options ?? new CosimOptions()) with { TwoThreads = twoThreads, VcdPath = vcd };
            using var session = new CosimSession(program, o, rtlProgram ?? program);
            try
            {
                var result = session.Run();
                var report = result.Divergence is { } d ? (d with { VcdPath = null }).ToString() : null;
                return new Outcome(result.Cycles, result.EventsCompared, report, null, session.RtlClockCycles, session.Model.Cycle,
                    vcd is not null && File.Exists(vcd) ? File.ReadAllBytes(vcd) : null);
            }
            catch (Exception e) when (e is SimulationException or VerilatorSimulationException or InvalidOperationException)
            {
                return new Outcome(-1, -1, null, $"{e.GetType().Name}: {e.Message}", session.RtlClockCycles, session.Model.Cycle, null);
            }
        }

        return (Run(false), Run(true));
    }

    [Theory]
    [InlineData("vector_ops.s")]
    [InlineData("requant.s")]
    public void Example_programs_give_the_same_results_on_two_threads(string name)
    {
        var (one, two) = Both(Example(name));

        Assert.Null(one.Report);
        Assert.Equal(one, two);
    }

    [Fact]
    public void A_long_run_wraps_the_ring_and_leaves_the_rtl_where_one_thread_does()
    {
        var program = Streaming(3000);

        var (one, two) = Both(program);

        Assert.Null(one.Error);
        Assert.Null(one.Report);
        Assert.Equal(3001 + 7 + Small.Superlanes + InstructionSet.MaxLatency(Small), one.Cycles);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Phase_times_of_two_threads_come_from_both_threads()
    {
        using var session = new CosimSession(Streaming(500), new CosimOptions { TwoThreads = true, MeasurePhases = true });

        var result = session.Run();

        Assert.True(result.Matches, result.Divergence?.ToString());
        var phases = Assert.IsType<CosimPhases>(result.Phases);
        Assert.True(phases.TwoThreads);
        Assert.Equal(result.Cycles, phases.Cycles);
        Assert.All([phases.ModelStep, phases.RtlTick, phases.EventRead, phases.Decode, phases.Compare, phases.ModelWait, phases.RtlWait], t => Assert.True(t.MeanNs > 0));
    }

    [Fact]
    public void A_wrong_vxm_result_is_reported_the_same_with_the_same_waveform()
    {
        using var dir = new TempDir();
        var options = new CosimOptions { RtlDirectory = CosimTests.WrongAdd(dir) };

        var (one, two) = Both(Example("vector_ops.s"), options, vcdDir: dir);

        Assert.StartsWith("divergence at cycle 6: VXM, superlane 0, lane 0", one.Report);
        Assert.NotNull(one.Vcd);
        Assert.Equal(one, two);
        AssertRanAheadAtMostARing(one, two);
    }

    [Fact]
    public void A_divergence_late_in_a_long_run_is_reported_the_same_every_time()
    {
        // The RTL runs one instruction the model does not: an extra issue and, two cycles later, an extra stream value.
        var program = Streaming(2000);
        var rtlProgram = Streaming(2000, "mem.w.3:\n    nop 1500\n    read 2, w5");

        var (one, two) = Both(program, rtlProgram: rtlProgram);
        var (_, again) = Both(program, rtlProgram: rtlProgram);

        Assert.StartsWith("divergence at cycle 1500: queue mem.w.3, superlane 0: instruction issue", one.Report);
        Assert.Contains("expected (model) no issue", one.Report);
        Assert.Equal(one, two);
        Assert.Equal(two, again);
        AssertRanAheadAtMostARing(one, two);
    }

    [Fact]
    public void A_missing_event_is_reported_the_same()
    {
        // The RTL's vxm.2 never issues its relu: the model's issue at cycle 4 is missing.
        var program = Example("vector_ops.s");
        IReadOnlyList<Instruction> none = [];
        var rtlProgram = new LpuProgram(Small, [.. program.Queues.Select((q, i) => i == Queue("vxm.2") ? none : q)], program.Data, program.Maps);

        var (one, two) = Both(program, rtlProgram: rtlProgram);

        Assert.StartsWith("divergence at cycle 4: queue vxm.2, superlane 0: instruction issue", one.Report);
        Assert.Contains("actual   (RTL)   no issue", one.Report);
        Assert.Equal(one, two);
        AssertRanAheadAtMostARing(one, two);
    }

    [Fact]
    public void A_model_error_is_thrown_the_same_at_its_cycle()
    {
        // Late in a long run a second ALU puts its result on e2 at position 6 in the same cycle as
        // ALU 0, 1200 + 2 (the assembler refuses this; the builder does not check).
        var streaming = Streaming(2000);
        var builder = new ProgramBuilder(Small);
        builder.Queue("vxm.1").Nop(1200).Vxm(VxmOp.Sub, DataType.I8, StreamRef.East(2), StreamRef.East(0), StreamRef.East(1));
        var clash = builder.Build().Queues[Queue("vxm.1")];
        var program = new LpuProgram(Small, [.. streaming.Queues.Select((q, i) => i == Queue("vxm.1") ? clash : q)], streaming.Data, streaming.Maps);

        var (one, two) = Both(program);

        Assert.StartsWith("SimulationException: cycle 1202: two results due in stream register e2", one.Error);
        Assert.Equal(one, two);
        AssertRanAheadAtMostARing(one, two);
    }

    [Fact]
    public void The_cycle_limit_is_reported_the_same()
    {
        var (one, two) = Both(Streaming(100), new CosimOptions { MaxCycles = 50 });

        Assert.Equal("InvalidOperationException: the program did not finish within 50 cycles", one.Error);
        Assert.Equal(one, two);
        AssertRanAheadAtMostARing(one, two);
    }

    [Fact]
    public void An_rtl_failure_is_thrown_the_same_at_its_cycle()
    {
        // Hand-edited RTL that stops with $fatal in program cycle 300 of a 2,000-cycle run.
        using var dir = new TempDir();
        var design = RtlGenerator.Generate(Small);
        foreach (var module in design.Verilog.Modules)
        {
            var text = module.Text;
            if (module.Name == "lpu_top.v")
            {
                const string Anchor = "    assign cycle = program_cycle_q;";
                Assert.Contains(Anchor, text);
                text = text.Replace(Anchor, Anchor + "\n    always @(posedge clk) if (run && program_cycle_q == 32'd300) $fatal(1, \"planted failure\");", StringComparison.Ordinal);
            }

            File.WriteAllText(Path.Combine(dir.Path, module.Name), text);
        }

        var (one, two) = Both(Streaming(2000), new CosimOptions { RtlDirectory = dir.Path });

        Assert.StartsWith("VerilatorSimulationException: simulation of 'lpu_top' ended", one.Error);
        Assert.Contains("planted failure", one.Error);
        Assert.Equal(one, two);
    }

    /// <summary>After a divergence or an error the RTL thread may have gone on, but never more than a ring (1,024 cycles) further.</summary>
    private static void AssertRanAheadAtMostARing(Outcome one, Outcome two)
    {
        Assert.InRange(two.RtlClockCycles, one.RtlClockCycles, one.RtlClockCycles + 1024);
    }

    private static int Queue(string name) => new Architecture.Layout.Floorplan(Small).Queues.Single(q => q.Name == name).Index;

    /// <summary>
    /// What a run gives: result or error, where the model stopped, the waveform; and where the RTL
    /// stopped, which must be equal when the run ends without a divergence or model error.
    /// </summary>
    private sealed record Outcome(long Cycles, long EventsCompared, string? Report, string? Error, ulong RtlClockCycles, long ModelCycle, byte[]? Vcd)
    {
        private bool RtlMustStopAtTheEnd => Report is null && (Error is null || Error.StartsWith(nameof(VerilatorSimulationException), StringComparison.Ordinal));

        public bool Equals(Outcome? other) =>
            other is not null && (Cycles, EventsCompared, Report, Error, ModelCycle) == (other.Cycles, other.EventsCompared, other.Report, other.Error, other.ModelCycle)
            && (!RtlMustStopAtTheEnd || RtlClockCycles == other.RtlClockCycles)
            && (Vcd ?? []).AsSpan().SequenceEqual(other.Vcd ?? []);

        public override int GetHashCode() => HashCode.Combine(Cycles, EventsCompared, Report, Error);
    }
}
