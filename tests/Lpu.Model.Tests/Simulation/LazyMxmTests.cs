using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

/// <summary>
/// The model computes abc products lazily and in batches; these programs interleave abc, acc and
/// iw so that every observable value (acc stream output, host reads of the accumulators) can be
/// compared with the eager definition of architecture.md §8 and §11, evaluated here by plain
/// loops: abc at t multiplies with the array installed by t + SL - 1 and its row holds the new
/// value from t + SL + 2; acc at t reads superlane k of its row in t + k, readable at t + k + 2.
/// </summary>
public class LazyMxmTests
{
    private const int Vl = 8;     // small: SL = 2, L = 4, one west plane at position 0, 16 rows
    private const int Sl = 2;
    private const int Lanes = 4;
    private const int ActivationSlice = 4;   // mem.e.0, on w4

    private sealed record AbcOp(long Issue, int Row, bool Add, sbyte[] X);

    private sealed record AccOp(long Issue, int Row);

    private sealed record Install(long Cycle, sbyte[,] W);

    /// <summary>A program on 'small' placed by absolute issue cycles, with its eager expectation.</summary>
    private sealed class Scenario
    {
        private readonly ProgramBuilder builder = new(Harness.Small);
        private readonly Dictionary<string, long> next = [];
        private readonly Random random;
        private int activationAddress;
        private int weightAddress;

        public Scenario(int seed) => random = new Random(seed);

        public List<AbcOp> Abcs { get; } = [];

        public List<AccOp> Accs { get; } = [];

        public List<Install> Installs { get; } = [];

        public sbyte[,] RandomWeights()
        {
            var w = new sbyte[Vl, Vl];
            for (var k = 0; k < Vl; k++)
            {
                for (var n = 0; n < Vl; n++)
                    w[k, n] = (sbyte)random.Next(-128, 128);
            }

            return w;
        }

        /// <summary>Random weights in rows [0, rows) and columns [0, cols), zero elsewhere (a padded GEMM tile).</summary>
        public sbyte[,] PaddedWeights(int rows, int cols)
        {
            var w = RandomWeights();
            for (var k = 0; k < Vl; k++)
            {
                for (var n = 0; n < Vl; n++)
                {
                    if (k >= rows || n >= cols)
                        w[k, n] = 0;
                }
            }

            return w;
        }

        /// <summary>lw at t (rows 0-3) and t + 1 (rows 4-7) from west slices 0-3 on w0-w3, iw at t + 2.</summary>
        public void LoadWeights(long t, sbyte[,] w)
        {
            for (var i = 0; i < 4; i++)
            {
                builder.Data(i, weightAddress, Row(w, i)).Data(i, weightAddress + 1, Row(w, 4 + i));
                var lead = 2 + Hops(i);
                At($"mem.w.{i}", t - lead).Read(weightAddress, StreamRef.West(i));
                At($"mem.w.{i}", t + 1 - lead).Read(weightAddress + 1, StreamRef.West(i));
            }

            weightAddress += 2;
            At("mxm.0.w", t).Lw(StreamRef.West(0), 4);
            At("mxm.0.w", t + 1).Lw(StreamRef.West(0), 4);
            At("mxm.0.w", t + 2).Iw();
            Installs.Add(new Install(t + 2 + Sl + 2, w));
        }

        /// <summary>abc at t on w4 with a fresh random x, read from mem.e.0 so that it arrives at t + k.</summary>
        public void Abc(long t, int row, bool add, sbyte[]? x = null)
        {
            x ??= [.. Enumerable.Range(0, Vl).Select(_ => (sbyte)random.Next(-128, 128))];
            builder.Data(ActivationSlice, activationAddress, [.. x.Select(v => (byte)v)]);
            At("mem.e.0", t - 2 - Hops(ActivationSlice)).Read(activationAddress++, StreamRef.West(4));
            At("mxm.0.a", t).Abc(StreamRef.West(4), row, add);
            Abcs.Add(new AbcOp(t, row, add, x));
        }

        /// <summary><see cref="Abc"/> at t, then <paramref name="copies"/> more one cycle apart (abc and its read repeated).</summary>
        public void AbcRepeated(long t, int row, bool add, sbyte[] x, int copies)
        {
            Abc(t, row, add, x);
            foreach (var queue in new[] { "mem.e.0", "mxm.0.a" })
            {
                builder.Queue(queue).Repeat(copies, 1, 0);
                next[queue] += copies;
            }

            for (var i = 1; i <= copies; i++)
                Abcs.Add(new AbcOp(t + i, row, add, x));
        }

        public void Acc(long t, int row)
        {
            At("mxm.0.c", t).Acc(row, StreamRef.East(0));
            Accs.Add(new AccOp(t, row));
        }

        public LpuProgram Build() => builder.Build();

        /// <summary>Accumulator row <paramref name="row"/> as it is during <paramref name="cycle"/>, from the eager definition.</summary>
        public int[] RowAt(int row, long cycle)
        {
            var value = new int[Vl];
            foreach (var a in Abcs)
            {
                if (a.Row != row || a.Issue + Sl + 2 > cycle)
                    continue;
                var w = Installs.Where(i => i.Cycle <= a.Issue + Sl - 1).Select(i => i.W).LastOrDefault() ?? new sbyte[Vl, Vl];
                for (var n = 0; n < Vl; n++)
                {
                    var r = 0;
                    for (var k = 0; k < Vl; k++)
                        r += a.X[k] * w[k, n];
                    value[n] = a.Add ? unchecked(value[n] + r) : r;
                }
            }

            return value;
        }

        private static byte[] Row(sbyte[,] w, int k) => [.. Enumerable.Range(0, Vl).Select(n => (byte)w[k, n])];

        private static int Hops(int slice)
        {
            var floorplan = new LpuSimulator(Harness.Small).Floorplan;
            return Math.Abs(floorplan.SlicePosition(slice) - floorplan.MxmPosition(0));
        }

        private QueueBuilder At(string queue, long cycle)
        {
            var q = builder.Queue(queue);
            var c = next.GetValueOrDefault(queue);
            if (cycle < c)
                throw new InvalidOperationException($"{queue}: cycle {cycle} already taken (next free {c})");
            if (cycle > c)
                q.Nop((int)(cycle - c));
            next[queue] = cycle + 1;
            return q;
        }
    }

    private static Scenario Interleaved()
    {
        var s = new Scenario(11);
        var w1 = s.RandomWeights();
        var w2 = s.RandomWeights();
        s.LoadWeights(10, w1);        // iw at 12: W1 from 16
        s.Abc(16, 0, false);          // due 20
        s.Abc(17, 1, false);
        s.Abc(18, 0, true);           // the same row again, due 22
        s.Abc(19, 2, true);           // add into a row never set
        s.Abc(20, 0, false);          // set after add, due 24
        s.Acc(21, 0);                 // superlane 0 in 21 (first abc only), superlane 1 in 22 (first + third)
        s.Acc(24, 0);                 // right at the due cycle of the set
        s.Acc(25, 1);
        s.Acc(26, 2);
        s.LoadWeights(30, w2);        // iw at 32: W2 from 36
        s.Abc(32, 3, false);          // issued with the iw: still multiplies with W1 (at 33)
        s.Abc(36, 3, true);           // W2
        s.Abc(37, 1, true);
        s.Acc(40, 3);
        s.Acc(41, 1);
        for (var i = 0; i < 16; i++)
            s.Abc(42 + i, 4 + (i % 12), i >= 12);   // a burst of 16: one batched product
        s.LoadWeights(60, w1);        // iw at 62 replaces the array the burst used (install at 66)
        s.Abc(66, 5, true);
        s.Abc(67, 15, false);
        s.Acc(71, 15);
        return s;
    }

    [Theory]
    [InlineData(0L, long.MaxValue)]              // every batch through the matrix kernel
    [InlineData(long.MaxValue, long.MaxValue)]   // every product as dot products
    [InlineData(2L * Vl * Vl, long.MaxValue)]    // each array: dot products first, packed from its second product on
    [InlineData(0L, 0L)]                         // every capture a batch on the worker thread
    [InlineData(2L * Vl * Vl, 0L)]
    [InlineData(0L, 5L * Vl * Vl)]               // batches of 8 (5 rows, in fours) on the worker, the rest here
    public void Acc_outputs_and_final_accumulators_match_the_eager_definition(long batchMacs, long workerMacs)
    {
        var s = Interleaved();
        var h = new Harness(s.Build(), sim => UseBatches(sim, batchMacs, workerMacs));
        foreach (var acc in s.Accs)
        {
            for (var k = 0; k < Sl; k++)
            {
                var value = s.RowAt(acc.Row, acc.Issue + k);
                for (var j = 0; j < 4; j++)
                {
                    var expected = value[(k * Lanes)..((k + 1) * Lanes)].Select(v => (byte)(v >> (8 * j))).ToArray();
                    Assert.Equal(expected, h.Streams[(acc.Issue + k + 2, 0, Direction.East, j, k)]);
                }
            }
        }

        var row = new int[Vl];
        for (var r = 0; r < 16; r++)
        {
            h.Simulator.ReadAccumulator(0, r, row);
            Assert.Equal(s.RowAt(r, long.MaxValue), row);
        }

        Assert.Equal((long)s.Abcs.Count * Vl * Vl, h.Simulator.Counters.Macs);
    }

    [Theory]
    [InlineData(0L, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue)]
    [InlineData(0L, 0L)]
    public void Arrays_with_zero_rows_and_columns_give_the_eager_products(long batchMacs, long workerMacs)
    {
        // The packed path multiplies only the block outside of which the array is zero.
        var s = new Scenario(12);
        int[][] shapes = [[5, 3], [0, 0], [8, 6], [3, 8], [8, 8]];
        for (var i = 0; i < shapes.Length; i++)
        {
            var t = 10 + (20 * i);
            s.LoadWeights(t, s.PaddedWeights(shapes[i][0], shapes[i][1]));   // iw at t + 2, installed from t + 6
            for (var j = 0; j < 6; j++)
                s.Abc(t + 6 + j, j % 4, j >= 4);
            s.Acc(t + 14, 0);
            s.Acc(t + 15, 1);
        }

        var h = new Harness(s.Build(), sim => UseBatches(sim, batchMacs, workerMacs));
        var row = new int[Vl];
        for (var r = 0; r < 4; r++)
        {
            h.Simulator.ReadAccumulator(0, r, row);
            Assert.Equal(s.RowAt(r, long.MaxValue), row);
        }

        foreach (var acc in s.Accs)
        {
            for (var k = 0; k < Sl; k++)
            {
                var value = s.RowAt(acc.Row, acc.Issue + k);
                var expected = value[(k * Lanes)..((k + 1) * Lanes)].Select(v => (byte)v).ToArray();
                Assert.Equal(expected, h.Streams[(acc.Issue + k + 2, 0, Direction.East, 0, k)]);
            }
        }
    }

    [Theory]
    [InlineData(long.MaxValue)]   // every product here
    [InlineData(0L)]              // every capture a batch on the worker
    [InlineData(3L * Vl * Vl)]    // batches of four on the worker, the rest here
    public void A_long_run_of_abc_and_acc_gives_the_eager_products_through_the_ring_of_pending_captures(long workerMacs)
    {
        // 220 captures: the ring of 64 wraps several times, and a burst of 100 without an acc
        // makes it grow while batches are in flight; new weights every 70 cycles.
        var s = new Scenario(21);
        var t = 10L;
        for (var i = 0; i < 220; i++)
        {
            if (i % 70 == 0)
            {
                s.LoadWeights(t, s.RandomWeights());   // iw at t + 2: no abc in (t + 2, t + 6)
                t += 7;
            }

            s.Abc(t, i % 16, i >= 16);
            if (i is < 100 or >= 200 && i % 3 == 0)
                s.Acc(t + 1, (i + 5) % 16);
            t++;
        }

        s.Acc(t + 8, 3);
        var h = new Harness(s.Build(), sim => UseBatches(sim, 0, workerMacs));
        foreach (var acc in s.Accs)
        {
            for (var k = 0; k < Sl; k++)
            {
                var value = s.RowAt(acc.Row, acc.Issue + k);
                var expected = value[(k * Lanes)..((k + 1) * Lanes)].Select(v => (byte)v).ToArray();
                Assert.Equal(expected, h.Streams[(acc.Issue + k + 2, 0, Direction.East, 0, k)]);
            }
        }

        var row = new int[Vl];
        for (var r = 0; r < 16; r++)
        {
            h.Simulator.ReadAccumulator(0, r, row);
            Assert.Equal(s.RowAt(r, long.MaxValue), row);
        }
    }

    [Theory]
    [InlineData(0L, long.MaxValue)]   // packed at once, products here
    [InlineData(0L, 0L)]              // and on the worker
    public void Arrays_installed_again_in_wave_order_give_the_eager_products(long batchMacs, long workerMacs)
    {
        // Wave order installs an array it has packed lately as the cache's own copy. That copy is
        // read-only: were it reused as the buffer of a later install (here Z's, after Y replaced
        // it), the cache would hand out X's packing for Z's weights.
        var s = new Scenario(31);
        var x = s.RandomWeights();
        sbyte[][,] sequence = [x, x, s.RandomWeights(), s.RandomWeights(), x, s.RandomWeights()];
        for (var i = 0; i < sequence.Length; i++)
        {
            var t = 10 + (20 * i);
            s.LoadWeights(t, sequence[i]);   // iw at t + 2, installed from t + 6
            for (var j = 0; j < 4; j++)
                s.Abc(t + 6 + j, (2 * i) + (j % 2), j >= 2);
        }

        var sim = new LpuSimulator(Harness.Small);
        sim.Load(s.Build());
        UseBatches(sim, batchMacs, workerMacs);
        sim.Run();
        var row = new int[Vl];
        for (var r = 0; r < 2 * sequence.Length; r++)
        {
            sim.ReadAccumulator(0, r, row);
            Assert.Equal(s.RowAt(r, long.MaxValue), row);
        }
    }

    [Fact]
    public void The_accumulators_read_by_the_host_between_steps_are_those_of_the_last_simulated_cycle()
    {
        var s = Interleaved();
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(s.Build());
        var row = new int[Vl];
        while (!sim.IsDone)
        {
            sim.Step();
            // Every row after every cycle: updates due by Cycle - 1 have landed, later ones not.
            for (var r = 0; r < 16; r++)
            {
                sim.ReadAccumulator(0, r, row);
                Assert.Equal(s.RowAt(r, sim.Cycle - 1), row);
            }
        }
    }

    [Fact]
    public void Lazy_and_probed_runs_give_the_same_trace()
    {
        var program = Interleaved().Build();
        var lazy = new Harness(program, sim => sim.SetMxmBatchMacs(0)).Trace;
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(program);
        var text = new StringWriter();
        var trace = new TraceWriter(text);
        var row = new int[Vl];
        sim.Run(10_000, e =>
        {
            trace.Write(e);
            sim.ReadAccumulator(0, 0, row);   // forces the products to be computed one by one
        });
        Assert.Equal(lazy, text.ToString());
    }

    [Theory]
    [InlineData(0L, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue)]
    [InlineData(0L, 100L * Vl * Vl)]
    public void Accumulating_wraps_around_at_32_bits(long batchMacs, long workerMacs)
    {
        // x = -128 everywhere and W = -128 everywhere: each abc adds 8 x 16384 = 2^17 to every
        // element, so 2^14 + 3 adds wrap past 2^31 to -2^31 + 3 x 2^17.
        const int Adds = (1 << 14) + 3;
        var s = new Scenario(3);
        var w = new sbyte[Vl, Vl];
        for (var k = 0; k < Vl; k++)
        {
            for (var n = 0; n < Vl; n++)
                w[k, n] = -128;
        }

        s.LoadWeights(10, w);
        s.AbcRepeated(16, 7, true, [.. Enumerable.Repeat((sbyte)-128, Vl)], Adds - 1);
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(s.Build());
        UseBatches(sim, batchMacs, workerMacs);
        sim.Run();

        var row = new int[Vl];
        sim.ReadAccumulator(0, 7, row);
        var expected = unchecked((int)((long)Adds * Vl * 128 * 128));
        Assert.Equal(int.MinValue + (3 << 17), expected);
        Assert.All(row, v => Assert.Equal(expected, v));
        Assert.Equal(s.RowAt(7, long.MaxValue), row);
        Assert.Equal((long)Adds * Vl * Vl, sim.Counters.Macs);
    }

    private static void UseBatches(LpuSimulator sim, long batchMacs, long workerMacs)
    {
        sim.SetMxmBatchMacs(batchMacs);
        sim.SetMxmWorkerMacs(workerMacs);
    }
}
