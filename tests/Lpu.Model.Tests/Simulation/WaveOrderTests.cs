using System.Text;
using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;
using Lpu.Testing;

namespace Lpu.Model.Tests.Simulation;

/// <summary>
/// A run without a callback goes in wave order (every instruction does all its superlanes at
/// issue). These tests hold it to the cycle-by-cycle definition, a run with a callback: the same
/// events (expanded from the wave order's whole-vector landings to superlanes and cycles), the same
/// done cycle, counters, SRAM with its check bits, accumulators, power and stream registers, and
/// the same first error, on random programs over every unit and on the example programs.
/// </summary>
public class WaveOrderTests
{
    [Theory]
    [InlineData("small", 400, false)]
    [InlineData("medium", 200, false)]
    [InlineData("medium", 100, true)]   // wave order with every product on the worker thread, cycle order with none there
    public void Random_programs_over_every_unit_end_in_the_state_and_error_of_cycle_order(string preset, int seeds, bool productsOnWorker)
    {
        var config = Presets.Get(preset);
        int clean = 0, failed = 0;
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < seeds; seed++)
        {
            var (program, flips) = RandomProgram(config, seed);
            var waves = Observe(program, flips, inWaves: true, productsOnWorker);
            var cycles = Observe(program, flips, inWaves: false);
            Assert.True(cycles.Error == waves.Error, $"seed {seed}: cycle order '{cycles.Error}', wave order '{waves.Error}'");
            Assert.True(cycles.State == waves.State, $"seed {seed}: {FirstDifference(cycles.State, waves.State)}");
            Assert.True(cycles.Events == waves.Events, $"seed {seed}: {FirstDifference(cycles.Events, waves.Events)}");
            if (cycles.Error is null)
            {
                clean++;
                foreach (var queue in program.Queues)
                    kinds.UnionWith(queue.Select(i => i.Spec.Mnemonic));
            }
            else
            {
                failed++;
            }
        }

        // Both halves were exercised: programs that ran to the end with every kind of
        // instruction, and programs stopped by an error.
        Assert.True(clean >= seeds / 4, $"{clean} clean runs, {failed} with an error");
        Assert.True(failed >= seeds / 20, $"{clean} clean runs, {failed} with an error");
        foreach (var mnemonic in new[] { "read", "write", "gather", "scatter", "add", "cvt", "requant", "config", "lw", "iw", "abc", "acc", "shift.up", "permute", "transpose", "rotate" })
            Assert.Contains(mnemonic, kinds);
    }

    [Theory]
    [InlineData("vector_ops.s")]
    [InlineData("requant.s")]
    [InlineData("permute.s")]
    [InlineData("transpose.s")]
    [InlineData("gemm_24x40x20.s")]
    public void Example_programs_end_in_the_state_of_cycle_order(string name)
    {
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of($"sim/programs/{name}")), Presets.Get("small"), name);
        var waves = Observe(program, [], inWaves: true);
        var cycles = Observe(program, [], inWaves: false);
        Assert.Null(cycles.Error);
        Assert.Null(waves.Error);
        Assert.True(cycles.State == waves.State, FirstDifference(cycles.State, waves.State));
        Assert.True(cycles.Events == waves.Events, FirstDifference(cycles.Events, waves.Events));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]   // medium, SL = 4: the abc's update lands in t_a + 6, so the acc's superlanes
    [InlineData(4)]   // 0..3 (read in t_c + k) see it from k = t_a + 6 - t_c: 3, 2, 1
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(9)]
    public void An_acc_reading_a_row_while_an_update_lands_gives_the_events_of_cycle_order(int accAfterAbc)
    {
        var config = Presets.Get("medium");
        var plan = new Floorplan(config);
        var b = new ProgramBuilder(config);
        // Slice w.0 reads a weight row and then an activation onto streams that pass plane 0.
        var slice = plan.Queues.First(q => q.Name == "mem.w.0");
        var plane = plan.Queues.First(q => q.Name == "mxm.0.w").Position;
        var east = plane > slice.Position;
        StreamRef Stream(int i) => east ? StreamRef.East(i) : StreamRef.West(i);
        var travel = 2 + Math.Abs(plane - slice.Position);   // read at t: at the plane in t + travel
        b.Data(slice.GlobalSlice, 0, Harness.Bytes(config.VectorLength, 7));
        b.Data(slice.GlobalSlice, 1, Harness.Bytes(config.VectorLength, 8));
        b.Queue("mem.w.0").Read(0, Stream(0)).Nop(9).Read(1, Stream(1));   // reads at 0 and 10
        b.Queue("mxm.0.w").Nop(travel).Lw(Stream(0), 1).Iw();               // iw at travel + 1, installed by travel + 7
        var abc = 10 + travel;
        b.Queue("mxm.0.a").Nop(abc).Abc(Stream(1), 2, add: false);
        b.Queue("mxm.0.c").Nop(abc - 2).Acc(2, StreamRef.East(8)).Nop(accAfterAbc + 1).Acc(2, StreamRef.West(8));
        var program = b.Build();

        var waves = Observe(program, [], inWaves: true);
        var cycles = Observe(program, [], inWaves: false);
        Assert.Null(cycles.Error);
        Assert.Null(waves.Error);
        Assert.True(cycles.Events == waves.Events, FirstDifference(cycles.Events, waves.Events));
        // The second acc sees the (non-zero) product from its superlane t_a + 6 - t_c on, if any.
        Assert.Equal(accAfterAbc >= 3, cycles.Events.Split('\n').Any(line => line.Contains(" w8 ") && !line.EndsWith("00000000")));
    }

    [Fact]
    public void A_read_lands_the_word_as_it_was_before_a_write_in_the_next_cycle()
    {
        // Wave order copies a read from SRAM only when it lands, two cycles on; the write in
        // between must not show through.
        var config = Presets.Get("medium");
        var b = new ProgramBuilder(config);
        var slice = new Floorplan(config).Queues.First(q => q.Name == "mem.w.0");
        var old = Harness.Bytes(config.VectorLength, 8);
        b.Data(slice.GlobalSlice, 1, old);
        b.Queue("mem.w.0").Read(1, StreamRef.West(0)).Write(1, StreamRef.West(5));   // w5 holds zeros
        var program = b.Build();

        var waves = Observe(program, [], inWaves: true);
        var cycles = Observe(program, [], inWaves: false);
        Assert.Null(waves.Error);
        Assert.True(cycles.Events == waves.Events, FirstDifference(cycles.Events, waves.Events));
        var lanes = config.LanesPerSuperlane;
        for (var k = 0; k < config.Superlanes; k++)
            Assert.Contains($"{k + 2} S {slice.Position} w0 {k} {Convert.ToHexString(old, k * lanes, lanes).ToLowerInvariant()}", waves.Events);
        Assert.Contains($"sram {slice.GlobalSlice} {new string('0', 2 * config.VectorLength)}{new string('0', 2 * config.VectorLength)}", waves.State);
    }

    [Fact]
    public void A_run_in_wave_order_throws_the_error_of_cycle_order()
    {
        // small, SL = 2: two VXM ALUs issued at 5 both produce e2 on superlane 0 in 5 + 0 + 2 = 7.
        var config = Presets.Get("small");
        var b = new ProgramBuilder(config);
        b.Queue("vxm.0").Nop(5).Vxm(VxmOp.Add, DataType.I8, StreamRef.East(2), StreamRef.East(0), StreamRef.East(1));
        b.Queue("vxm.1").Nop(5).Vxm(VxmOp.Add, DataType.I8, StreamRef.East(2), StreamRef.East(0), StreamRef.East(1));
        var sim = new LpuSimulator(config);
        sim.Load(b.Build());
        var e = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal(7, e.Cycle);
        Assert.Matches("^two results due in stream register e2 at position [0-9]+, superlane 0$", e.Detail);
    }

    [Fact]
    public void Stepping_on_after_a_run_in_wave_order_moves_the_stream_registers_as_after_cycle_order()
    {
        // Values still on their way at the done cycle keep moving and leave at the edges; wave order
        // puts them back in the registers at the end, and the registers must then behave the same.
        var config = Presets.Get("small");
        var b = new ProgramBuilder(config).Data(1, 0, Harness.Bytes(config.VectorLength, 5)).Data(6, 2, Harness.Bytes(config.VectorLength, 6));
        b.Queue("mem.w.1").Read(0, StreamRef.East(0)).Read(0, StreamRef.West(7));
        b.Queue("mem.e.2").Nop(3).Read(2, StreamRef.West(3));
        var program = b.Build();
        var waves = new LpuSimulator(config);
        waves.Load(program);
        waves.Run();
        var cycles = new LpuSimulator(config);
        cycles.Load(program);
        cycles.Run(10_000, _ => { });

        var nonZero = 0;
        for (var step = 0; step <= 2 * config.PositionCount; step++)
        {
            var (inWaves, inCycles) = (Registers(waves), Registers(cycles));
            Assert.Equal(inCycles, inWaves);
            nonZero += inWaves.Count(line => !IsZero(line));
            waves.Step();
            cycles.Step();
        }

        Assert.True(nonZero > 0);   // something was still on its way
        Assert.All(Registers(waves), line => Assert.True(IsZero(line), line));   // and all of it has left
    }

    /// <summary>The first error, the state at the end, and every event as sorted trace lines (none after an error).</summary>
    private sealed record Outcome(string? Error, string State, string Events);

    private static Outcome Observe(LpuProgram program, IReadOnlyList<(int Slice, int Superlane, int Address, int Bit)> flips, bool inWaves, bool productsOnWorker = false)
    {
        var config = program.Config;
        var sim = new LpuSimulator(config);
        sim.Load(program);
        if (productsOnWorker)
        {
            sim.SetMxmBatchMacs(0);
            sim.SetMxmWorkerMacs(0);
        }

        foreach (var (slice, superlane, address, bit) in flips)
            sim.InjectBitFlip(slice, superlane, address, bit);
        string? error = null;
        var events = new List<string>();
        try
        {
            if (inWaves)
            {
                sim.WaveTrace = events.Add;
                sim.Run(5_000);
            }
            else
            {
                sim.Run(5_000, e => events.AddRange(TraceWriter.Lines(e)));
            }
        }
        catch (SimulationException e)
        {
            error = e.Message;
            events.Clear();
        }

        events.Sort(StringComparer.Ordinal);

        var text = new StringBuilder();
        var c = sim.Counters;
        text.AppendLine($"cycle {sim.Cycle} done {sim.DoneCycle} counters {c.Cycles} {c.SramReads} {c.SramWrites} {c.EccCorrected} {c.EccUncorrectable} {c.StreamProductions} {c.Macs} {string.Join(',', c.Issued)}");
        text.AppendLine("power " + string.Concat(Enumerable.Range(0, config.Superlanes).Select(k => sim.IsPowered(k) ? '1' : '0')));
        // Every word's data (scatters write anywhere); the check bits of the words data and flips are at.
        var used = Addresses(config);
        var sliceBytes = new byte[config.Mem.WordsPerTile * config.VectorLength];
        for (var slice = 0; slice < config.SliceCount; slice++)
        {
            for (var address = 0; address < config.Mem.WordsPerTile; address++)
                sim.ReadSram(slice, address, sliceBytes.AsSpan(address * config.VectorLength, config.VectorLength));
            text.AppendLine($"sram {slice} {Convert.ToHexString(sliceBytes)}");
            foreach (var address in used)
                text.AppendLine($"check {slice} {address} {string.Join(',', Enumerable.Range(0, config.Superlanes).Select(k => sim.ReadCheckBits(slice, k, address)))}");
        }

        var row = new int[config.VectorLength];
        for (var plane = 0; plane < config.Mxm.Planes; plane++)
        {
            for (var r = 0; r < config.Mxm.Accumulators; r++)
            {
                sim.ReadAccumulator(plane, r, row);
                text.AppendLine($"acc {plane} {r} {string.Join(',', row)}");
            }
        }

        foreach (var line in Registers(sim))
            text.AppendLine(line);

        return new Outcome(error, text.ToString(), string.Join('\n', events));
    }

    private static bool IsZero(string registerLine) => registerLine[(registerLine.LastIndexOf(' ') + 1)..].Trim('0').Length == 0;

    /// <summary>Every stream register as a line "stream dir s p hex".</summary>
    private static List<string> Registers(LpuSimulator sim)
    {
        var config = sim.Config;
        var word = new byte[config.VectorLength];
        var lines = new List<string>();
        foreach (var direction in new[] { Direction.East, Direction.West })
        {
            for (var s = 0; s < config.StreamsPerDirection; s++)
            {
                for (var p = 0; p < config.PositionCount; p++)
                {
                    sim.ReadStream(direction, s, p, word);
                    lines.Add($"stream {direction} {s} {p} {Convert.ToHexString(word)}");
                }
            }
        }

        return lines;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        for (var i = 0; i < Math.Min(want.Length, got.Length); i++)
        {
            if (want[i] != got[i])
            {
                // Long lines (a slice's SRAM) are shown from a little before the first differing character.
                var at = want[i].Zip(got[i]).TakeWhile(p => p.First == p.Second).Count();
                var from = Math.Max(0, at - 40);
                return $"line {i}, character {at}:\ncycle order: {want[i][from..Math.Min(want[i].Length, at + 80)]}\nwave order:  {got[i][from..Math.Min(got[i].Length, at + 80)]}";
            }
        }

        return $"{want.Length} lines against {got.Length}";
    }

    /// <summary>Four words per slice, two per bank, that the random programs read, write and flip.</summary>
    private static int[] Addresses(LpuConfig config) => [1, 2, config.Mem.WordsPerTile / 2, (config.Mem.WordsPerTile / 2) + 1];

    /// <summary>
    /// Random instructions for every unit, spaced by random nops, on data at four addresses per
    /// slice (two per bank); maps in every SXM map table; a few bit flips after loading.
    /// </summary>
    private static (LpuProgram Program, List<(int, int, int, int)> Flips) RandomProgram(LpuConfig config, int seed)
    {
        var random = new Random(seed);
        var floorplan = new Floorplan(config);
        var b = new ProgramBuilder(config);
        var addresses = Addresses(config);
        for (var slice = 0; slice < config.SliceCount; slice++)
        {
            foreach (var address in addresses)
                b.Data(slice, address, Harness.Bytes(config.VectorLength, random.Next()));
        }

        foreach (var queue in floorplan.Queues.Where(q => q.Sxm is SxmKind.Perm or SxmKind.Dist))
        {
            if (queue.Sxm == SxmKind.Perm)
                b.Permute(queue.Name, 0, [.. Enumerable.Range(0, config.VectorLength).OrderBy(_ => random.Next())]);
            else
                b.Distribute(queue.Name, 0, [.. Enumerable.Range(0, config.LanesPerSuperlane).Select(_ => random.Next(config.LanesPerSuperlane))]);
        }

        var specs = InstructionSet.All.Where(s => s.Mnemonic is not ("sync" or "notify" or "repeat" or "nop")).ToList();
        var allOn = (1L << config.Superlanes) - 1;
        for (var n = random.Next(10, 50); n > 0; n--)
        {
            var queue = floorplan.Queues[random.Next(floorplan.Queues.Count)];
            var candidates = specs.Where(s => (s.Unit == queue.Kind && (s.Sxm is null || s.Sxm == queue.Sxm) && (s.Mxm is null || s.Mxm == queue.Mxm))
                || (s.Unit == UnitKind.Icu && random.Next(30) == 0)).ToList();
            if (candidates.Count == 0)
                continue;
            var spec = candidates[random.Next(candidates.Count)];
            var operands = spec.Fields.Select(f => f.Kind switch
            {
                OperandKind.Address => addresses[random.Next(addresses.Length)],
                OperandKind.StreamRead or OperandKind.StreamWrite => random.Next(2) << 6 | random.Next(config.StreamsPerDirection / 2),
                OperandKind.Type => random.Next(5),
                OperandKind.Mode => random.Next(2),
                OperandKind.Signed => random.Next(-3, 4),
                OperandKind.Mask => random.Next(3) == 0 ? random.NextInt64(allOn + 1) : allOn,
                OperandKind.Map => 0,
                OperandKind.Row => random.Next(3),
                _ => random.Next(1, 4),
            }).ToList();
            try
            {
                var instruction = new Instruction(spec, operands);
                Icu.OpDecoder.Decode(instruction, queue, 0, config, (_, slot) => slot == 0);
                var q = b.Queue(queue.Index);
                if (random.Next(3) > 0)
                    q.Nop(random.Next(1, 4));
                q.Add(instruction);
            }
            catch (ArgumentException)
            {
                // not encodable, or not executable by this configuration or queue
            }
        }

        var flips = new List<(int, int, int, int)>();
        if (config.Mem.Ecc && random.Next(4) == 0)
        {
            for (var i = random.Next(1, 4); i > 0; i--)
                flips.Add((random.Next(config.SliceCount), random.Next(config.Superlanes), addresses[random.Next(addresses.Length)], random.Next(8 * config.LanesPerSuperlane)));
        }

        return (b.Build(), flips);
    }
}
