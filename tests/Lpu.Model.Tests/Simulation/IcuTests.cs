using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

public class IcuTests
{
    private static readonly StreamRef E0 = StreamRef.East(0);

    [Fact]
    public void Notify_releases_waiting_queues_two_cycles_later()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.0").Sync().Read(0, E0);
        b.Queue("mem.w.1").Nop(2).Sync().Read(0, E0);
        b.Queue("vxm.0").Nop(5).Notify();
        var h = new Harness(b.Build());
        var vxm = h.Simulator.Floorplan.FindQueue("vxm.0")!.Index;
        Assert.Equal(
            [(5L, vxm, Harness.Encode("notify")), (7L, 0, Harness.Encode("read", 0, E0)), (7L, 1, Harness.Encode("read", 0, E0))],
            h.Issues);
        Assert.Equal(7 + 2 + 4 + 1, h.Done);
    }

    [Fact]
    public void A_sync_reached_after_the_last_notify_waits_forever_and_is_reported()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.0").Nop(3).Sync().Read(0, E0);
        b.Queue("vxm.0").Notify();
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        var e = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Contains("queue mem.w.0 waits forever in sync (entry 1)", e.Message);
    }

    [Fact]
    public void Config_powers_a_superlane_down_from_t_plus_k_plus_one()
    {
        var data = Harness.Bytes(8, 50);
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 0, data);
        b.Queue("vxm.0").Config(0b01);                        // superlane 1 down from cycle 0 + 1 + 1 = 2
        b.Queue("mem.w.0").Read(0, E0).Read(0, StreamRef.East(1)); // reach superlane 1 at 1 (on) and at 2 (off)
        var h = new Harness(b.Build());
        Assert.Equal(data[4..8], h.Streams[(3, 5, Direction.East, 0, 1)]);
        Assert.Equal(data[0..4], h.Streams[(3, 5, Direction.East, 1, 0)]);
        Assert.False(h.Streams.ContainsKey((4, 5, Direction.East, 1, 1)));
        Assert.Equal(3, h.Simulator.Counters.SramReads);
        Assert.False(h.Simulator.IsPowered(1));
        Assert.True(h.Simulator.IsPowered(0));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Of_two_configs_in_one_cycle_the_lower_queue_sets_the_mask(bool inWaves)
    {
        // architecture.md §4 (and the RTL's priority): mem.w.1 comes before vxm.0 in queue order.
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("vxm.0").Nop(1).Config(0b11);
        b.Queue("mem.w.1").Nop(1).Config(0b01);
        b.Queue("vxm.1").Nop(1).Config(0b10);
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        if (inWaves)
            sim.Run();
        else
            sim.Run(1000, _ => { });
        Assert.True(sim.IsPowered(0));
        Assert.False(sim.IsPowered(1));
    }

    [Fact]
    public void An_empty_program_is_done_at_cycle_zero()
    {
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(new ProgramBuilder(Harness.Small).Build());
        Assert.True(sim.IsDone);
        Assert.Equal(0, sim.Run());
    }

    [Fact]
    public void Operands_outside_the_machine_are_load_errors_naming_queue_and_entry()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.e.2").Nop(1).Read(300, E0);
        var e = Assert.Throws<ArgumentException>(() => new LpuSimulator(Harness.Small).Load(b.Build()));
        Assert.Contains("queue mem.e.2 entry 1 (read 300, e0): address 300 out of range [0, 256)", e.Message);

        b = new ProgramBuilder(Harness.Small);
        b.Queue("vxm.1").Vxm(VxmOp.Add, DataType.I32, StreamRef.East(6), E0, E0);
        e = Assert.Throws<ArgumentException>(() => new LpuSimulator(Harness.Small).Load(b.Build()));
        Assert.Contains("stream e6..e9 out of range", e.Message);

        b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.0").Add("abc", E0, 0, false);
        e = Assert.Throws<ArgumentException>(() => new LpuSimulator(Harness.Small).Load(b.Build()));
        Assert.Contains("cannot run on a MEM queue", e.Message);

        b = new ProgramBuilder(Harness.Small);
        b.Queue("sxm.e.shift.0").Add("permute", 3, E0, E0);
        e = Assert.Throws<ArgumentException>(() => new LpuSimulator(Harness.Small).Load(b.Build()));
        Assert.Contains("queue sxm.e.shift.0 entry 0 (permute 3, e0, e0): permute needs a perm unit", e.Message);

        b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.3").Add("distribute", 3, E0, E0);
        e = Assert.Throws<ArgumentException>(() => new LpuSimulator(Harness.Small).Load(b.Build()));
        Assert.Contains("queue mem.w.3 entry 0", e.Message);
    }

    [Fact]
    public void A_repeat_that_would_go_back_in_time_is_a_runtime_error()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.0").Read(0, E0).Nop(3).Repeat(2, 1);
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        var e = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Contains("queue mem.w.0 entry 2: the first copy would issue in cycle 1, before this queue's next issue cycle 4", e.Message);

        b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.1").Repeat(2, 1);
        e = Assert.Throws<SimulationException>(() => new LpuSimulator(Harness.Small).Load(b.Build()));
        Assert.Contains("repeat has no issued instruction before it", e.Message);
    }

    [Fact]
    public void A_repeat_stepping_the_address_out_of_range_is_a_runtime_error()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.0").Read(254, E0).Repeat(3, 1, 1);
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        var e = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal(2, e.Cycle);
        Assert.Contains("address to 256", e.Message);
    }

    [Fact]
    public void Two_results_in_one_stream_register_in_one_cycle_is_a_runtime_error()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("vxm.0").Vxm(VxmOp.Mov, DataType.I8, E0, StreamRef.East(1));
        b.Queue("vxm.1").Vxm(VxmOp.Mov, DataType.I8, E0, StreamRef.East(2));
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        var e = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal(2, e.Cycle);
        Assert.Contains("two results due in stream register e0 at position 6", e.Message);
    }
}
