using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Model.Numerics;

namespace Lpu.Model.Tests.Simulation;

/// <summary>
/// A read copies its whole word at issue and an iw the whole load buffer; superlane k of the copy
/// stands for the source as it is in t+k only while nothing changed it in between. These tests
/// check the copies against the superlane-by-superlane definition (the model with copies off) on
/// programs where writes, scatters, host writes and bit flips land inside a read's window, and
/// against values worked out from architecture.md §3/§5.
/// </summary>
public class WordCopyTests
{
    // medium: SL = 4, L = 8, VL = 32, W = 1024 (bank 1 from 512), 8 slices per side, 16 streams.
    private const int Sl = 4;
    private const int Lanes = 8;
    private const int Vl = Sl * Lanes;
    private static readonly LpuConfig Medium = Presets.Get("medium");

    [Theory]
    [InlineData(4, true, 3)]    // write tile k lands in t_w + k + 1: tiles 0, 1 before the read's issue (6), 2 and 3 in 7 and 8:
                                // tiles 1, 2, 3 (read in 7, 8, 9) come from SRAM, the slice having changed
    [InlineData(3, true, 3)]    // tile 3 lands in 7
    [InlineData(2, true, 0)]    // every tile landed by the issue: the copy already holds them
    [InlineData(1, true, 0)]
    [InlineData(7, false, 2)]   // issued after the read: every tile lands after the read took it (tiles 2, 3 come
                                // from SRAM, the slice having changed in 8, but before the write's tiles 2, 3 land)
    public void A_write_landing_inside_a_read_window_is_seen_exactly_from_its_landing_cycle(int writeIssue, bool seen, int refetches)
    {
        var old = Harness.Bytes(Vl, 1);
        var program = ReadAndWrite(old, writeIssue);
        foreach (var copies in new[] { true, false })
        {
            var (streams, sim) = ReadOutput(program, copies);
            for (var k = 0; k < Sl; k++)
                Assert.Equal(seen ? new byte[Lanes] : old[(k * Lanes)..((k + 1) * Lanes)], streams[k]);
            Assert.Equal(copies ? refetches : 0, sim.Refetches);
        }
    }

    [Fact]
    public void A_write_one_cycle_before_a_read_of_the_same_bank_is_the_same_bank_conflict_with_or_without_copies()
    {
        var program = ReadAndWrite(Harness.Bytes(Vl, 1), 5);
        var copied = Run(program, [], copies: true);
        var tiled = Run(program, [], copies: false);
        Assert.Equal("cycle 6: bank conflict in slice 0 superlane 0: a write of bank 0 and a read of bank 0 in the same cycle", copied.Error);
        Assert.Equal(tiled.Error, copied.Error);
        Assert.Equal(tiled.Trace, copied.Trace);
    }

    [Fact]
    public void A_host_write_between_steps_reaches_the_tiles_not_yet_read()
    {
        var old = Harness.Bytes(Vl, 2);
        var fresh = Harness.Bytes(Vl, 3);
        var b = new ProgramBuilder(Medium);
        b.Data(1, 40, old);
        b.Queue("mem.w.1").Read(40, StreamRef.East(2));
        var sim = new LpuSimulator(Medium);
        sim.Load(b.Build());
        var produced = new Dictionary<int, byte[]>();
        while (!sim.IsDone)
        {
            if (sim.Cycle == 2)
                sim.WriteSram(1, 40, fresh);   // tiles 0, 1 were read in cycles 0, 1; tiles 2, 3 are read in 2, 3
            var events = sim.Step();
            foreach (ref readonly var e in events.Streams)
                produced[e.Superlane] = events.Data(in e).ToArray();
        }

        Assert.Equal(old[0..16], produced[0].Concat(produced[1]).ToArray());
        Assert.Equal(fresh[16..32], produced[2].Concat(produced[3]).ToArray());
        Assert.Equal(2, sim.Refetches);
    }

    [Fact]
    public void A_bit_flip_between_steps_is_corrected_in_the_tile_read_after_it()
    {
        var word = Harness.Bytes(Vl, 4);
        var b = new ProgramBuilder(Medium);
        b.Data(2, 600, word);
        b.Queue("mem.w.2").Read(600, StreamRef.East(1));
        var sim = new LpuSimulator(Medium);
        sim.Load(b.Build());
        var produced = new Dictionary<int, byte[]>();
        var ecc = new List<(long Cycle, int Superlane, EccStatus Status)>();
        while (!sim.IsDone)
        {
            if (sim.Cycle == 2)
            {
                sim.InjectBitFlip(2, 0, 600, 5);    // tile 0 was read in cycle 0: no event
                sim.InjectBitFlip(2, 3, 600, 17);   // tile 3 is read in cycle 3: corrected, ECC event in 4
            }

            var events = sim.Step();
            foreach (ref readonly var e in events.Streams)
                produced[e.Superlane] = events.Data(in e).ToArray();
            foreach (ref readonly var e in events.Ecc)
                ecc.Add((events.Cycle, e.Superlane, e.Status));
        }

        Assert.Equal(word, produced.OrderBy(p => p.Key).SelectMany(p => p.Value).ToArray());
        Assert.Equal([(4L, 3, EccStatus.Corrected)], ecc);
        Assert.Equal(1, sim.Counters.EccCorrected);
    }

    [Fact]
    public void Random_reads_writes_gathers_scatters_host_writes_and_flips_match_the_superlane_by_superlane_definition()
    {
        long refetches = 0, reads = 0, clean = 0, failed = 0;
        var errors = new List<string>();
        for (var seed = 0; seed < 150; seed++)
        {
            var (program, host) = RandomMemProgram(seed);
            var copied = Run(program, host, copies: true);
            var tiled = Run(program, host, copies: false);
            Assert.Equal(tiled.Trace, copied.Trace);
            Assert.Equal(tiled.Error, copied.Error);
            Assert.Equal(tiled.Counters, copied.Counters);
            Assert.Equal(tiled.Sram, copied.Sram);
            Assert.Equal(0, tiled.Refetches);
            refetches += copied.Refetches;
            reads += copied.Reads;
            if (copied.Error is null)
                clean++;
            else
                failed++;
            if (copied.Error is not null)
                errors.Add(copied.Error);
        }

        // The programs exercised both halves: tiles from the copy and tiles re-read after a change,
        // runs to the end and runs stopped by an error (bank conflicts, two results in one register).
        Assert.InRange(refetches, 20, reads - 100);
        Assert.True(clean >= 20, $"{clean} runs without error: " + string.Join("\n", errors.Take(20)));
        Assert.True(failed >= 5, $"{failed} runs with an error");
    }

    [Theory]
    [InlineData(-5)]   // the lw wrote superlane k in t - 5 + k: all before the iw's issue
    [InlineData(-3)]   // its superlane 3 is written in t, after the copy
    [InlineData(-1)]
    [InlineData(1)]    // lw after the iw: never in the snapshot, but it changes the buffer during the window
    [InlineData(2)]
    public void Iw_snapshots_match_the_superlane_by_superlane_definition_with_lw_around_them(int lwAfterIw)
    {
        var program = LwIwProgram(lwAfterIw);
        var copied = Run(program, [], copies: true);
        var tiled = Run(program, [], copies: false);
        Assert.Null(copied.Error);
        Assert.Equal(tiled.Trace, copied.Trace);
        Assert.Equal(tiled.Counters, copied.Counters);
        Assert.Equal(lwAfterIw > -4, copied.Refetches > 0);
    }

    [Fact]
    public void The_acc_output_shows_whether_an_lw_made_it_into_the_snapshot()
    {
        // The lw one cycle before the iw is in the installed array, the one one cycle after is not:
        // the traces the comparison above checks depend on the snapshot's timing.
        var before = Run(LwIwProgram(-1), [], copies: true).Trace;
        var after = Run(LwIwProgram(1), [], copies: true).Trace;
        Assert.Contains(" S 0 e12 ", before);
        Assert.NotEqual(before.Split('\n').Where(l => l.Contains(" e12 ")), after.Split('\n').Where(l => l.Contains(" e12 ")));
    }

    /// <summary>mem.w.0 reads word 5 (holding <paramref name="old"/>) onto e3 at cycle 6 and writes zeros (e9 is never produced) to it at <paramref name="writeIssue"/>.</summary>
    private static LpuProgram ReadAndWrite(byte[] old, int writeIssue)
    {
        const int readIssue = 6;
        var b = new ProgramBuilder(Medium);
        b.Data(0, 5, old);
        var q = b.Queue("mem.w.0");
        if (writeIssue < readIssue)
            Wait(Wait(q, writeIssue).Write(5, StreamRef.East(9)), readIssue - writeIssue - 1).Read(5, StreamRef.East(3));
        else
            Wait(q.Nop(readIssue).Read(5, StreamRef.East(3)), writeIssue - readIssue - 1).Write(5, StreamRef.East(9));
        return b.Build();
    }

    private static (byte[][] Streams, LpuSimulator Sim) ReadOutput(LpuProgram program, bool copies)
    {
        var sim = new LpuSimulator(Medium);
        sim.Load(program);
        sim.SetShortcuts(copies);
        var output = new byte[Sl][];
        sim.Run(1000, e =>
        {
            foreach (ref readonly var s in e.Streams)
            {
                if (s.Direction == Direction.East && s.Stream == 3)
                {
                    Assert.Equal(6 + s.Superlane + 2, e.Cycle);
                    output[s.Superlane] = e.Data(in s).ToArray();
                }
            }
        });
        return (output, sim);
    }

    private sealed record Outcome(string Trace, string? Error, string Counters, string Sram, long Refetches, long Reads);

    private sealed record HostAction(long BeforeCycle, Action<LpuSimulator> Apply);

    private static readonly int[] Addresses = [3, 4, 700, 701];

    private static Outcome Run(LpuProgram program, IReadOnlyList<HostAction> host, bool copies)
    {
        var sim = new LpuSimulator(program.Config);
        sim.Load(program);
        sim.SetShortcuts(copies);
        var text = new StringWriter();
        var trace = new TraceWriter(text);
        string? error = null;
        try
        {
            while (!sim.IsDone)
            {
                foreach (var h in host)
                {
                    if (h.BeforeCycle == sim.Cycle)
                        h.Apply(sim);
                }

                trace.Write(sim.Step());
            }
        }
        catch (SimulationException e)
        {
            error = e.Message;
        }

        var c = sim.Counters;
        var counters = $"{c.Cycles} {c.SramReads} {c.SramWrites} {c.EccCorrected} {c.EccUncorrectable} {c.StreamProductions} {c.Macs} {string.Join(',', c.Issued)}";
        var sram = new StringWriter();
        var word = new byte[program.Config.VectorLength];
        for (var slice = 0; slice < program.Config.SliceCount; slice++)
        {
            foreach (var address in Addresses)
            {
                sim.ReadSram(slice, address, word);
                sram.Write(Convert.ToHexString(word));
                for (var k = 0; k < program.Config.Superlanes; k++)
                    sram.Write($" {sim.ReadCheckBits(slice, k, address)}");
                sram.WriteLine();
            }
        }

        return new Outcome(text.ToString(), error, counters, sram.ToString(), sim.Refetches, c.SramReads);
    }

    /// <summary>
    /// Three west and three east slices issue random reads, writes, gathers and scatters on four
    /// words (two per bank), so writes land inside reads' windows on the same words, the same
    /// slice's other words and other banks; the host writes words and flips bits between steps.
    /// </summary>
    private static (LpuProgram Program, List<HostAction> Host) RandomMemProgram(int seed)
    {
        var random = new Random(seed);
        var b = new ProgramBuilder(Medium);
        var slices = new List<(string Queue, int Global)>();
        for (var i = 0; i < 3; i++)
        {
            slices.Add(($"mem.w.{i}", i));
            slices.Add(($"mem.e.{i}", Medium.Mem.SlicesPerHemisphere + i));
        }

        foreach (var (_, global) in slices)
        {
            foreach (var address in Addresses)
                b.Data(global, address, Harness.Bytes(Vl, random.Next()));
        }

        // Mostly a free cycle after a write, gather or scatter: its SRAM access is one cycle late
        // and would meet the next instruction's in the same bank (a conflict) every time.
        void SpaceOut(QueueBuilder q)
        {
            if (random.Next(8) != 0)
                q.Nop(1);
        }

        StreamRef AnyStream() => random.Next(2) == 0 ? StreamRef.East(random.Next(4)) : StreamRef.West(random.Next(4));
        foreach (var (queue, _) in slices)
        {
            var q = Wait(b.Queue(queue), random.Next(3));
            for (var n = random.Next(4, 14); n > 0; n--)
            {
                var address = Addresses[random.Next(Addresses.Length)];
                switch (random.Next(10))
                {
                    case < 4:
                        q.Read(address, AnyStream());
                        break;
                    case < 7:
                        q.Write(address, AnyStream());
                        SpaceOut(q);
                        break;
                    case 7:
                        q.Gather(AnyStream(), AnyStream());
                        SpaceOut(q);
                        break;
                    case 8:
                        q.Scatter(AnyStream(), AnyStream());
                        SpaceOut(q);
                        break;
                    default:
                        q.Nop(1 + random.Next(3));
                        break;
                }
            }
        }

        var host = new List<HostAction>();
        for (var n = random.Next(4); n > 0; n--)
        {
            var (_, global) = slices[random.Next(slices.Count)];
            var address = Addresses[random.Next(Addresses.Length)];
            var cycle = random.Next(1, 25);
            if (random.Next(2) == 0)
            {
                var bytes = Harness.Bytes(Vl, random.Next());
                host.Add(new HostAction(cycle, sim => sim.WriteSram(global, address, bytes)));
            }
            else
            {
                var superlane = random.Next(Sl);
                var bit = random.Next(8 * Lanes);
                host.Add(new HostAction(cycle, sim => sim.InjectBitFlip(global, superlane, address, bit)));
            }
        }

        return (b.Build(), host);
    }

    /// <summary>
    /// Every west slice i streams words 0, 1, 2, ... of its SRAM onto w_i, one per cycle, so the
    /// rows plane 0 loads depend on the cycle. Plane 0: lw of 8 rows, a second lw
    /// <paramref name="lwAfterIw"/> cycles from the iw, an abc of w0 into row 0 and an acc of it
    /// onto e12, so the installed array shows in the trace.
    /// </summary>
    private static LpuProgram LwIwProgram(int lwAfterIw)
    {
        var b = new ProgramBuilder(Medium);
        for (var i = 0; i < Medium.Mem.SlicesPerHemisphere; i++)
        {
            b.Data(i, 0, Harness.Bytes(Vl * 80, 100 + i));
            b.Queue($"mem.w.{i}").Read(0, StreamRef.West(i)).Repeat(75, 1, 1);
        }

        const int iwAt = 40;
        const int firstLw = 20;
        var secondLw = iwAt + lwAfterIw;
        var w = b.Queue("mxm.0.w").Nop(firstLw).Lw(StreamRef.West(0), 8);
        if (secondLw < iwAt)
            Wait(Wait(w, secondLw - firstLw - 1).Lw(StreamRef.West(0), 8), iwAt - secondLw - 1).Iw();
        else
            Wait(Wait(w, iwAt - firstLw - 1).Iw(), secondLw - iwAt - 1).Lw(StreamRef.West(0), 8);
        b.Queue("mxm.0.a").Nop(iwAt + Sl + 3).Abc(StreamRef.West(1), 0, false);
        b.Queue("mxm.0.c").Nop(iwAt + (2 * Sl) + 10).Acc(0, StreamRef.East(12));
        return b.Build();
    }

    /// <summary>nop n, or nothing for n = 0 (nop needs n >= 1).</summary>
    private static QueueBuilder Wait(QueueBuilder q, int n) => n > 0 ? q.Nop(n) : q;
}
