using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

// small: M = 4, P = 13; west slice i at position 5 - i, VXM at 6, east slice i (global 4 + i) at 7 + i.
// SL = 2, L = 4, VL = 8, dmax = SL + 2 = 4.
public class MemTimingTests
{
    private static readonly StreamRef E0 = StreamRef.East(0);

    [Fact]
    public void A_read_is_consumed_by_a_write_two_hops_east_exactly_d_plus_j_cycles_later()
    {
        var data = Harness.Bytes(8, 1);
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 3, data);
        b.Queue("mem.w.0").Read(3, E0);           // position 5, issue 0
        b.Queue("mem.e.0").Nop(4).Write(10, E0);  // position 7: t' = 0 + 2 + 2 = 4
        var h = new Harness(b.Build());

        Assert.Equal(data, h.Word(4, 10));
        // superlane k of the read is readable at position 5 in cycle k + 2
        Assert.Equal(data[0..4], h.Streams[(2, 5, Direction.East, 0, 0)]);
        Assert.Equal(data[4..8], h.Streams[(3, 5, Direction.East, 0, 1)]);
        // SRAM written in t' + k + 1
        Assert.Equal(
            [(5L, 4, 0, 10), (6L, 4, 1, 10)],
            h.SramWrites.Select(w => (w.Cycle, w.Slice, w.Superlane, w.Address)).ToList());
        // D = last issue + SL + dmax + 1 = 4 + 2 + 4 + 1
        Assert.Equal(11, h.Done);
        Assert.Equal(2, h.Simulator.Counters.SramReads);
        Assert.Equal(2, h.Simulator.Counters.SramWrites);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void A_write_one_cycle_early_or_late_does_not_see_the_value(int issue)
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 3, Harness.Bytes(8, 2));
        b.Queue("mem.w.0").Read(3, E0);
        b.Queue("mem.e.0").Nop(issue).Write(10, E0);
        var h = new Harness(b.Build());
        Assert.Equal(new byte[8], h.Word(4, 10));
    }

    [Fact]
    public void A_westward_read_reaches_a_west_slice_in_d_plus_j()
    {
        // east slice 1 (global 5, position 8) reads onto w2; west slice 2 (global 2, position 3) is 5 hops west.
        var data = Harness.Bytes(8, 3);
        var b = new ProgramBuilder(Harness.Small);
        b.Data(5, 0, data);
        b.Queue("mem.e.1").Nop(1).Read(0, StreamRef.West(2));
        b.Queue("mem.w.2").Nop(1 + 2 + 5).Write(7, StreamRef.West(2));
        var h = new Harness(b.Build());
        Assert.Equal(data, h.Word(2, 7));
    }

    [Fact]
    public void Repeat_with_step_reissues_d_apart_and_steps_the_address()
    {
        var b = new ProgramBuilder(Harness.Small);
        var words = Enumerable.Range(0, 4).Select(i => Harness.Bytes(8, 10 + i)).ToArray();
        b.Data(0, 20, [.. words.SelectMany(w => w)]);
        b.Queue("mem.w.0").Read(20, E0).Repeat(3, 2, 1).Read(0, StreamRef.East(1));
        var h = new Harness(b.Build());

        // issues at 0, 2, 4, 6 (addresses 20..23), then the next instruction at 6 + 1 = 7
        Assert.Equal(
            [(0L, 0, Harness.Encode("read", 20, E0)), (2L, 0, Harness.Encode("read", 21, E0)),
             (4L, 0, Harness.Encode("read", 22, E0)), (6L, 0, Harness.Encode("read", 23, E0)),
             (7L, 0, Harness.Encode("read", 0, StreamRef.East(1)))],
            h.Issues);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(words[i][0..4], h.Streams[(2 * i + 2, 5, Direction.East, 0, 0)]);
            Assert.Equal(words[i][4..8], h.Streams[(2 * i + 3, 5, Direction.East, 0, 1)]);
        }

        Assert.Equal(5, h.Simulator.Counters.Issued[0]);
    }

    [Fact]
    public void Gather_upstream_of_the_address_sees_zero_and_reads_word_zero()
    {
        var b = new ProgramBuilder(Harness.Small);
        var w5 = Harness.Bytes(8, 5);
        var w9 = Harness.Bytes(8, 9);
        // address vector: superlane 0 lanes 0-1 = 5 + 256 (mod W = 5), superlane 1 = 9
        byte[] addresses = [5, 1, 0, 0, 9, 0, 0, 0];
        b.Data(0, 0, addresses).Data(1, 5, w5).Data(1, 9, w9);
        b.Queue("mem.w.0").Read(0, E0);                        // position 5, readable at 5 during 2 + k
        b.Queue("mem.w.1").Nop(2).Gather(E0, E0);              // position 4: upstream of 5 for an eastward stream
        var h = new Harness(b.Build());
        // the gather sees address 0, and word 0 of slice 1 is zero
        Assert.Equal(new byte[4], h.Streams[(2 + 3, 4, Direction.East, 0, 0)]);
        Assert.Equal(2, h.Simulator.Counters.SramReads - 2);
    }

    [Fact]
    public void Gather_with_the_address_stream_arriving_on_time()
    {
        var b = new ProgramBuilder(Harness.Small);
        var w5 = Harness.Bytes(8, 5);
        var w9 = Harness.Bytes(8, 9);
        byte[] addresses = [5, 1, 0, 0, 9, 0, 0, 0];
        b.Data(1, 0, addresses).Data(0, 5, w5).Data(0, 9, w9);
        b.Queue("mem.w.1").Read(0, E0);                        // position 4, at 5 during 3 + k
        b.Queue("mem.w.0").Nop(3).Gather(StreamRef.East(1), E0);
        var h = new Harness(b.Build());
        // gather at 3: superlane k's result readable at 3 + k + 3
        Assert.Equal(w5[0..4], h.Streams[(6, 5, Direction.East, 1, 0)]);
        Assert.Equal(w9[4..8], h.Streams[(7, 5, Direction.East, 1, 1)]);
    }

    [Fact]
    public void Scatter_writes_each_tile_at_its_own_address()
    {
        var b = new ProgramBuilder(Harness.Small);
        var data = Harness.Bytes(8, 7);
        byte[] addresses = [40, 0, 0, 0, 200, 0, 0, 0];
        b.Data(0, 0, data).Data(0, 1, addresses);
        b.Queue("mem.w.0").Read(0, E0).Read(1, StreamRef.East(1)); // both at position 5: e0 at 2+k, e1 at 3+k
        b.Queue("mem.e.0").Nop(4).Scatter(E0, StreamRef.East(1));    // position 7: e0 at 4+k, e1 at 5+k: too late for e1
        var h = new Harness(b.Build());
        // address read at 4 + k from e1 is still 0 (e1 arrives one cycle later): both tiles go to word 0
        Assert.Equal(data[0..4], h.Word(4, 0)[0..4]);
        Assert.Equal(data[4..8], h.Word(4, 0)[4..8]);
    }

    [Fact]
    public void Scatter_with_aligned_address()
    {
        var b = new ProgramBuilder(Harness.Small);
        var data = Harness.Bytes(8, 7);
        byte[] addresses = [40, 0, 0, 0, 200, 0, 0, 0];
        b.Data(0, 0, data).Data(1, 0, addresses);
        b.Queue("mem.w.0").Nop(1).Read(0, E0);       // position 5: at 7 during 1 + 2 + 2 + k
        b.Queue("mem.w.1").Read(0, StreamRef.East(1)); // position 4: at 7 during 0 + 2 + 3 + k
        b.Queue("mem.e.0").Nop(5).Scatter(E0, StreamRef.East(1));
        var h = new Harness(b.Build());
        Assert.Equal(data[0..4], h.Word(4, 40)[0..4]);
        Assert.Equal(new byte[4], h.Word(4, 40)[4..8]);
        Assert.Equal(data[4..8], h.Word(4, 200)[4..8]);
        Assert.Equal([(6L, 4, 0, 40), (7L, 4, 1, 200)], h.SramWrites.Select(w => (w.Cycle, w.Slice, w.Superlane, w.Address)).ToList());
    }

    [Fact]
    public void A_read_and_a_write_of_the_same_bank_in_one_cycle_is_a_runtime_error()
    {
        var b = new ProgramBuilder(Harness.Small);
        // write issued at 0 writes SRAM in 1 (bank 0); read issued at 1 reads SRAM in 1 (bank 0)
        b.Queue("mem.w.0").Write(3, E0).Read(4, E0);
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        var e = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal(1, e.Cycle);
        Assert.Contains("bank conflict in slice 0 superlane 0", e.Message);
    }

    [Fact]
    public void A_read_and_a_write_of_different_banks_in_one_cycle_is_fine()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 200, Harness.Bytes(8, 4));
        b.Queue("mem.w.0").Write(3, E0).Read(200, E0);
        var h = new Harness(b.Build());
        Assert.Equal(Harness.Bytes(8, 4)[0..4], h.Streams[(3, 5, Direction.East, 0, 0)]);
    }
}

public class StreamRingTests
{
    [Theory]
    [InlineData(Direction.East, 0)]
    [InlineData(Direction.West, 0)]
    [InlineData(Direction.East, 17)]   // past the first 16 streams
    [InlineData(Direction.West, 63)]   // the last of the most a configuration may have
    public void A_value_leaves_at_the_edge_and_zeros_enter_behind_it_lap_after_lap(Direction direction, int stream)
    {
        // One read at cycle 0 from a middle slice; a late read elsewhere keeps the run going for several laps.
        var config = Harness.Small with { StreamsPerDirection = 64 };
        var data = Harness.Bytes(8, 80);
        var b = new ProgramBuilder(config).Data(1, 0, data);
        b.Queue("mem.w.1").Read(0, direction == Direction.East ? StreamRef.East(stream) : StreamRef.West(stream));
        b.Queue("mem.e.3").Nop(40).Read(0, StreamRef.West(7));
        var sim = new LpuSimulator(config);
        sim.Load(b.Build());
        var origin = sim.Floorplan.SlicePosition(1);
        var positions = sim.Config.PositionCount;
        var step = direction == Direction.East ? 1 : -1;
        var vector = new byte[8];
        while (!sim.IsDone)
        {
            sim.Step();
            // Superlane k is readable at the slice's position during k + 2, then moves one position
            // along its direction per cycle; between steps the host sees the registers before the
            // next cycle's productions.
            for (var p = 0; p < positions; p++)
            {
                sim.ReadStream(direction, stream, p, vector);
                for (var k = 0; k < 2; k++)
                {
                    var here = sim.Cycle > k + 2 && (sim.Cycle - (k + 2)) * step == p - origin;
                    Assert.Equal(here ? data[(4 * k)..(4 * k + 4)] : new byte[4], vector[(4 * k)..(4 * k + 4)]);
                }
            }
        }

        Assert.True(sim.Cycle > 3 * positions);
    }
}
