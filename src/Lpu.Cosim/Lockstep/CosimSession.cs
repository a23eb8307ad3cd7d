using System.Diagnostics;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Verilator;
using Lpu.Model;
using Lpu.Rtl;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// Runs one program on the golden model and on the generated RTL (Verilator) side by side,
/// comparing every cycle's observable events (architecture.md §10), and reports the first
/// divergence. This is the one place where the model and the RTL meet.
/// <para>
/// Per cycle the cost is one model step, one native call that ticks the RTL and copies only the
/// fields of its <c>events</c> port that hold events, and a merge of two short event lists kept in
/// key order: only events are compared, never whole state, and nothing is allocated.
/// </para>
/// </summary>
public sealed class CosimSession : IDisposable
{
    private readonly LpuProgram program;
    private readonly LpuProgram rtlProgram;
    private readonly CosimOptions options;
    private readonly RtlDesign design;
    private readonly VerilatorBuildResult build;
    private readonly List<(int Slice, int Superlane, int Address, int Bit)> injected = [];
    private readonly long doneMargin;
    private readonly long doneAtLeast;
    private VerilatorSimulation sim;
    private RtlHost host;

    /// <summary>
    /// Generates (or reads) the RTL, builds it (cached), and loads <paramref name="program"/> into
    /// both sides. An <see cref="ArgumentException"/> names a unit the program uses that the RTL lacks.
    /// </summary>
    public CosimSession(LpuProgram program, CosimOptions? options = null)
        : this(program, options, program)
    {
    }

    /// <summary>For tests of the checker: the RTL runs <paramref name="rtlProgram"/> (same configuration), the model <paramref name="program"/>.</summary>
    internal CosimSession(LpuProgram program, CosimOptions? options, LpuProgram rtlProgram)
    {
        this.program = program;
        this.rtlProgram = rtlProgram;
        this.options = options ?? new CosimOptions();
        design = RtlGenerator.Generate(program.Config, this.options.Rtl);
        CheckCoverage(program, design);
        build = RtlBuild.Build(design, this.options.RtlDirectory, this.options.Verilator with { Trace = false }, this.options.CacheRoot);
        doneMargin = program.Config.Superlanes + InstructionSet.MaxLatency(program.Config) + 1;
        doneAtLeast = Schedule.DoneCycleOf(program) ?? 0;
        Model = new LpuSimulator(program.Config);
        Model.Load(program);
        (sim, host) = StartRtl(build);
    }

    /// <summary>The golden model (loaded; inspect it after <see cref="Run"/>).</summary>
    public LpuSimulator Model { get; }

    /// <summary>True when the Verilator build came from the cache.</summary>
    public bool RtlBuildFromCache => build.FromCache;

    /// <summary>Flips one bit of a stored codeword in both the model and the RTL (data bits first, then check bits).</summary>
    public void InjectBitFlip(int slice, int superlane, int address, int bit)
    {
        Model.InjectBitFlip(slice, superlane, address, bit);
        FlipInRtl(host, slice, superlane, address, bit);
        injected.Add((slice, superlane, address, bit));
    }

    /// <summary>Rising clock edges the RTL has simulated since it was built (load and start included).</summary>
    internal ulong RtlClockCycles => sim.Cycle;

    /// <summary>Reads RTL counter <paramref name="index"/> through the host port (docs/rtl.md).</summary>
    public ulong ReadRtlCounter(int index) => host.ReadCounterValue(index);

    /// <summary>Runs both sides to the model's done cycle (or the first divergence).</summary>
    public CosimResult Run()
    {
        var clock = Stopwatch.StartNew();
        var decoder = new TraceDecoder(program.Config, design.Trace);
        var reader = decoder.CreateReader(sim);
        var donePort = sim.PortIndex("done");
        var recent = new IssueHistory();
        var twoThreads = options.TwoThreads ?? Environment.ProcessorCount > 1;
        var phases = options.MeasurePhases ? new PhaseClock() : null;
        var rtlPhases = options.MeasurePhases && twoThreads ? new PhaseClock() : null;

        StartProgram(sim, host);
        Divergence? divergence;
        long compared;
        using (RtlCycles rtl = twoThreads
            ? new PipelinedRtl(sim, reader, donePort, RunAheadLimit(), phases, rtlPhases)
            : new InlineRtl(sim, reader, donePort, phases))
        {
            divergence = Lockstep(rtl, decoder, recent, phases, out compared);
        }

        divergence ??= CompareCounters(recent);
        clock.Stop();
        if (divergence is not null && options.VcdPath is not null)
            divergence = divergence with { VcdPath = WriteWaveform(divergence.Cycle) };
        return new CosimResult(Model.Cycle, compared, divergence, build.FromCache, clock.Elapsed) { Phases = phases?.Result(rtlPhases) };
    }

    /// <summary>
    /// The cycle loop: steps the model, takes the RTL's same cycle, compares; then the done check
    /// in the cycle after the last. The RTL side ticks on this thread or on its own.
    /// </summary>
    private Divergence? Lockstep(RtlCycles rtl, TraceDecoder decoder, IssueHistory recent, PhaseClock? phases, out long compared)
    {
        var expected = new EventList();
        var actual = new EventList();
        compared = 0;
        while (!Model.IsDone)
        {
            if (Model.Cycle >= options.MaxCycles)
                throw new InvalidOperationException($"the program did not finish within {options.MaxCycles} cycles");
            phases?.Start();
            var events = Model.Step();
            phases?.Lap(Phase.ModelStep);
            var words = rtl.Read(events.Cycle, RunAheadLimit(), out var done);
            decoder.Decode(words, actual);
            phases?.Lap(Phase.Decode);
            var same = ModelEvents.Matches(events, actual);
            phases?.Lap(Phase.Compare);
            compared += events.Count;
            recent.Add(events);
            if (!same)
            {
                // Only now the model's events become a list, for the report.
                ModelEvents.Fill(events, expected);
                return EventDiff.First(program, events.Cycle, expected, actual, recent)
                    ?? throw new InvalidOperationException($"cycle {events.Cycle}: the event lists differ but no difference was found");
            }

            if (done)
                return DoneDivergence(events.Cycle, "high", "low", recent);
            phases?.Lap(Phase.History);
        }

        // The RTL one tick after the last cycle (after at least one: an empty program is done at 0).
        _ = rtl.Read(Math.Max(Model.Cycle, 1), RunAheadLimit(), out var finished);
        return finished ? null : DoneDivergence(Model.Cycle, "low", "high", recent);
    }

    /// <summary>
    /// The last program cycle the RTL may be run to now, never past where the one-thread loop stops
    /// it: the end once the model is done; before, its done cycle D once known (architecture.md §4:
    /// D = last issue + SL + dmax + 1); before that, D as the program's schedule gives it
    /// (<see cref="Schedule.DoneCycleOf"/>, known before the run unless the program does not
    /// schedule), or, since some instruction is still to issue in this cycle or later, this cycle +
    /// SL + dmax + 1. Nor past the cycle limit.
    /// </summary>
    private long RunAheadLimit()
    {
        if (Model.IsDone)
            return Math.Max(Model.Cycle, 1);
        var atLeast = Model.DoneCycle ?? Math.Max(doneAtLeast, Model.Cycle + doneMargin);
        return Math.Min(atLeast, options.MaxCycles);
    }

    /// <inheritdoc/>
    public void Dispose() => sim.Dispose();

    private (VerilatorSimulation, RtlHost) StartRtl(VerilatorBuildResult result)
    {
        var simulation = result.CreateSimulation();
        return (simulation, RtlHost.Load(simulation, design, rtlProgram));
    }

    /// <summary>
    /// START, then ticks through the priming cycle (<c>cycle</c> all ones) to program cycle 0
    /// (docs/rtl.md "Cycle alignment"); returns that tick. Waiting for the priming cycle, not for a
    /// zero, matters: before START takes effect <c>cycle</c> still reads 0.
    /// </summary>
    private static ulong StartProgram(VerilatorSimulation sim, RtlHost host)
    {
        var cyclePort = sim.PortIndex("cycle");
        var width = sim.Design.Ports[cyclePort].Width;
        var priming = width >= 64 ? ulong.MaxValue : (1UL << width) - 1;
        host.StartProgram();
        for (var i = 0; i < 8; i++)
        {
            if (sim.GetOutput(cyclePort) == priming)
            {
                sim.Tick();
                if (sim.GetOutput(cyclePort) != 0)
                    break;
                return sim.Cycle;
            }

            sim.Tick();
        }

        throw new InvalidOperationException($"lpu_top's cycle output ({width} bits) did not go through the priming cycle to program cycle 0 within 8 cycles of START");
    }

    private void FlipInRtl(RtlHost driver, int slice, int superlane, int address, int bit)
    {
        Span<uint> raw = stackalloc uint[driver.DataWords];
        driver.ReadTileRaw(slice, superlane, address, raw);
        raw[bit >> 5] ^= 1u << (bit & 31);
        driver.WriteTileRaw(slice, superlane, address, raw);
    }

    private Divergence DoneDivergence(long cycle, string actual, string expected, IssueHistory recent) =>
        new(cycle, "ICU", 0, null, "done", expected, actual, EventDiff.Describe(program, recent));

    /// <summary>The host-readable counters must agree with the model's at the end.</summary>
    private Divergence? CompareCounters(IssueHistory recent)
    {
        var c = Model.Counters;
        (int Index, string Name, long Expected)[] counters =
        [
            (1, "instructions issued", c.Issued.Sum()),
            (2, "SRAM reads", c.SramReads),
            (3, "SRAM writes", c.SramWrites),
            (4, "ECC corrected", c.EccCorrected),
            (5, "ECC uncorrectable", c.EccUncorrectable),
        ];
        foreach (var (index, name, value) in counters)
        {
            var rtl = (long)host.ReadCounterValue(index);
            if (rtl != value)
                return new Divergence(Model.Cycle, "host port", 0, null, $"counter {index} ({name})", value.ToString(), rtl.ToString(), EventDiff.Describe(program, recent));
        }

        return null;
    }

    /// <summary>Re-runs on a traced build up to the divergence and keeps the VCD of the window before it.</summary>
    private string WriteWaveform(long cycle)
    {
        var traced = RtlBuild.Build(design, options.RtlDirectory, options.Verilator with { Trace = true, ProfileGuided = false }, options.CacheRoot);
        var (tracedSim, tracedHost) = StartRtl(traced);
        using (tracedSim)
        {
            foreach (var (slice, superlane, address, bit) in injected)
                FlipInRtl(tracedHost, slice, superlane, address, bit);
            var start = StartProgram(tracedSim, tracedHost);
            var from = start + (ulong)Math.Max(0, cycle - options.VcdCyclesBefore);
            var to = start + (ulong)cycle + 2;
            var path = Path.GetFullPath(options.VcdPath!);
            tracedSim.TraceWindow(path, from, to);
            tracedSim.Tick(to - tracedSim.Cycle + 1);
            tracedSim.StopTrace();
            return options.VcdPath!;
        }
    }

    private static void CheckCoverage(LpuProgram program, RtlDesign design)
    {
        foreach (var queue in program.Floorplan.Queues)
        {
            if (program.Queues[queue.Index].Count > 0 && !design.Queues.Contains(queue.Index))
                throw new ArgumentException($"{RtlCoverage.Missing(queue.Kind, "this configuration")}, but the program uses queue {queue.Name}");
        }
    }
}
