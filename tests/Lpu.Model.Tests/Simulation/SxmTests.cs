using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

// West SXM at position 1 of small (SL = 2, L = 4, VL = 8). West slice 0 at position 5 reads onto
// w0 at 0: at position 1 during 0 + 2 + 4 + k. The SXM issues at 6; its output is readable at
// position 1 during 6 + k + SL + 2 = 10 + k.
public class SxmTests
{
    private static readonly byte[] Input = [10, 11, 12, 13, 14, 15, 16, 17];

    private static byte[] RunOne(Action<ProgramBuilder> setup, Action<QueueBuilder> op, string queue)
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 0, Input);
        setup(b);
        b.Queue("mem.w.0").Read(0, StreamRef.West(0));
        op(b.Queue(queue).Nop(6));
        var h = new Harness(b.Build());
        return [.. h.Streams[(10, 1, Direction.East, 0, 0)], .. h.Streams[(11, 1, Direction.East, 0, 1)]];
    }

    [Fact]
    public void Shift_up_moves_lanes_up_across_superlanes() =>
        Assert.Equal([0, 0, 0, 10, 11, 12, 13, 14],
            RunOne(_ => { }, q => q.ShiftUp(3, StreamRef.East(0), StreamRef.West(0)), "sxm.w.shift.0"));

    [Fact]
    public void Shift_down_fills_zeros_past_the_end() =>
        Assert.Equal([12, 13, 14, 15, 16, 17, 0, 0],
            RunOne(_ => { }, q => q.ShiftDown(2, StreamRef.East(0), StreamRef.West(0)), "sxm.w.shift.0"));

    [Fact]
    public void Permute_uses_the_loaded_map() =>
        Assert.Equal([17, 10, 16, 11, 15, 12, 14, 13],
            RunOne(b => b.Permute("sxm.w.perm.0", 2, [7, 0, 6, 1, 5, 2, 4, 3]),
                q => q.Permute(2, StreamRef.East(0), StreamRef.West(0)), "sxm.w.perm.0"));

    [Fact]
    public void Distribute_replicates_within_each_superlane_and_zero_fills() =>
        Assert.Equal([13, 13, 0, 10, 17, 17, 0, 14],
            RunOne(b => b.Distribute("sxm.w.dist.0", 0, [3, 3, 255, 0]),
                q => q.Distribute(0, StreamRef.East(0), StreamRef.West(0)), "sxm.w.dist.0"));

    [Fact]
    public void Rotate_rotates_lanes_inside_each_superlane() =>
        Assert.Equal([11, 12, 13, 10, 15, 16, 17, 14],
            RunOne(_ => { }, q => q.Rotate(1, StreamRef.East(0), StreamRef.West(0)), "sxm.w.rot.0"));

    [Fact]
    public void Transpose_swaps_streams_and_lanes_within_each_superlane()
    {
        var b = new ProgramBuilder(Harness.Small);
        var words = Enumerable.Range(0, 4).Select(i => Enumerable.Range(0, 8).Select(l => (byte)(16 * i + l)).ToArray()).ToArray();
        for (var i = 0; i < 4; i++)
        {
            b.Data(i, 0, words[i]);
            // slice i at position 5 - i is 4 - i hops from position 1; all arrive during 6 + k
            var q = b.Queue($"mem.w.{i}");
            if (i > 0)
                q.Nop(i);
            q.Read(0, StreamRef.West(i));
        }

        b.Queue("sxm.w.trans.0").Nop(6).Transpose(StreamRef.East(0), StreamRef.West(0));
        var h = new Harness(b.Build());
        for (var j = 0; j < 4; j++)
        {
            for (var k = 0; k < 2; k++)
            {
                // out stream j, lane 4k + i = in stream i, lane 4k + j
                var expected = Enumerable.Range(0, 4).Select(i => words[i][4 * k + j]).ToArray();
                Assert.Equal(expected, h.Streams[(10 + k, 1, Direction.East, j, k)]);
            }
        }
    }

    [Fact]
    public void An_unloaded_map_is_a_load_error_naming_the_queue()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("sxm.w.perm.0").Permute(1, StreamRef.East(0), StreamRef.West(0));
        var sim = new LpuSimulator(Harness.Small);
        var e = Assert.Throws<ArgumentException>(() => sim.Load(b.Build()));
        Assert.Contains("queue sxm.w.perm.0 entry 0", e.Message);
        Assert.Contains("map 1 is not loaded", e.Message);
    }
}
