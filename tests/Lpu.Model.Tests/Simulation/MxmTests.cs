using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

// small: one 8x8 plane, west, at position 0. West slice i (position 5 - i) reaches position 0 on a
// westward stream in 2 + (5 - i) cycles after its read issues.
public class MxmTests
{
    private static (ProgramBuilder Builder, sbyte[,] W, sbyte[] X, sbyte[] X2) Gemv(int abcIssue)
    {
        var random = new Random(5);
        var w = new sbyte[8, 8];
        for (var r = 0; r < 8; r++)
        {
            for (var n = 0; n < 8; n++)
                w[r, n] = (sbyte)random.Next(-128, 128);
        }

        var x = Enumerable.Range(0, 8).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
        var x2 = Enumerable.Range(0, 8).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
        byte[] Row(int r) => [.. Enumerable.Range(0, 8).Select(n => (byte)w[r, n])];

        var b = new ProgramBuilder(Harness.Small);
        for (var i = 0; i < 4; i++)
        {
            b.Data(i, 0, Row(i)).Data(i, 1, Row(4 + i));
            // rows i and 4 + i arrive at position 0 on w_i during 10 + k and 11 + k
            b.Queue($"mem.w.{i}").Nop(3 + i).Read(0, StreamRef.West(i)).Read(1, StreamRef.West(i));
        }

        b.Data(0, 2, [.. x.Select(v => (byte)v)]).Data(0, 3, [.. x2.Select(v => (byte)v)]);
        b.Queue("mem.w.0").Nop(4).Read(2, StreamRef.West(4)).Read(3, StreamRef.West(4)); // at 0 during 16 + k, 17 + k
        b.Queue("mxm.0.w").Nop(10).Lw(StreamRef.West(0), 4).Lw(StreamRef.West(0), 4).Iw(); // iw at 12: array from 16
        b.Queue("mxm.0.a").Nop(abcIssue).Abc(StreamRef.West(4), 3, false).Abc(StreamRef.West(4), 3, true);
        b.Queue("mxm.0.c").Nop(abcIssue + 5).Acc(3, StreamRef.East(0)); // second abc's row visible from +1 + SL + 2
        return (b, w, x, x2);
    }

    [Fact]
    public void Lw_iw_abc_set_then_add_then_acc_matches_a_plain_loop()
    {
        var (b, w, x, x2) = Gemv(16);
        var h = new Harness(b.Build());
        var expected = new int[8];
        for (var n = 0; n < 8; n++)
        {
            for (var k = 0; k < 8; k++)
                expected[n] += (x[k] * w[k, n]) + (x2[k] * w[k, n]);
        }

        var row = new int[8];
        h.Simulator.ReadAccumulator(0, 3, row);
        Assert.Equal(expected, row);
        // acc issued at 21: superlane k on e0..e3 at position 0 during 23 + k
        for (var k = 0; k < 2; k++)
        {
            for (var j = 0; j < 4; j++)
                Assert.Equal(expected[(4 * k)..(4 * k + 4)].Select(v => (byte)(v >> (8 * j))).ToArray(), h.Streams[(23 + k, 0, Direction.East, j, k)]);
        }

        Assert.Equal(2 * 64, h.Simulator.Counters.Macs);
    }

    [Fact]
    public void Abc_while_the_plane_installs_weights_is_a_runtime_error()
    {
        var (b, _, _, _) = Gemv(15); // the last cycle of (12, 12 + SL + 2)
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        var e = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal(15, e.Cycle);
        Assert.Contains("abc issued while the plane installs weights", e.Message);
    }
}

// medium: SL = 4, L = 8, VL = 32, M = 8; plane 1 is east, at position 2M + 4 = 20; east slice 7
// (global 15) at position 18 is two hops west of it.
public class EastPlaneTests
{
    [Fact]
    public void An_east_plane_loads_one_row_per_cycle_and_matches_a_plain_loop()
    {
        var config = Lpu.Architecture.Configuration.Presets.Get("medium");
        var random = new Random(9);
        var w = new sbyte[32, 32];
        var rows = new byte[33 * 32];
        for (var r = 0; r < 32; r++)
        {
            for (var n = 0; n < 32; n++)
            {
                w[r, n] = (sbyte)random.Next(-128, 128);
                rows[r * 32 + n] = (byte)w[r, n];
            }
        }

        var x = new sbyte[32];
        for (var k = 0; k < 32; k++)
        {
            x[k] = (sbyte)random.Next(-128, 128);
            rows[32 * 32 + k] = (byte)x[k];
        }

        var b = new ProgramBuilder(config);
        b.Data(15, 0, rows);
        // row r read at r, readable at 20 during r + 2 + 2 + k
        b.Queue("mem.e.7").Read(0, StreamRef.East(0)).Repeat(31, 1, 1).Nop(8).Read(32, StreamRef.East(1)); // x read at 40
        b.Queue("mxm.1.w").Nop(4).Lw(StreamRef.East(0), 1).Repeat(31, 1, 0).Iw(); // iw at 36: array from 42
        b.Queue("mxm.1.a").Nop(44).Abc(StreamRef.East(1), 5, false);
        b.Queue("mxm.1.c").Nop(50).Acc(5, StreamRef.West(0)); // row visible from 44 + 4 + 2
        var h = new Harness(b.Build());

        var expected = new int[32];
        for (var n = 0; n < 32; n++)
        {
            for (var k = 0; k < 32; k++)
                expected[n] += x[k] * w[k, n];
        }

        var row = new int[32];
        h.Simulator.ReadAccumulator(1, 5, row);
        Assert.Equal(expected, row);
        for (var k = 0; k < 4; k++)
            Assert.Equal(expected[(8 * k)..(8 * k + 8)].Select(v => (byte)(v >> 16)).ToArray(), h.Streams[(52 + k, 20, Direction.West, 2, k)]);
    }
}
