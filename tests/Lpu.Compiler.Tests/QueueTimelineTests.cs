using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Compiler.Scheduling;

namespace Lpu.Compiler.Tests;

public class QueueTimelineTests
{
    private static readonly LpuConfig Small = Presets.Get("small");

    /// <summary>Emits the placements and recomputes issue cycles with the architecture's own scheduler.</summary>
    private static (List<(long Cycle, string Text)> Issues, IReadOnlyList<Instruction> Listing) RoundTrip(
        string queue, params (long Cycle, Instruction Instruction)[] placements)
    {
        var timeline = new QueueTimeline();
        foreach (var (cycle, instruction) in placements)
            timeline.Place(queue, cycle, instruction);
        var builder = new ProgramBuilder(Small);
        timeline.EmitTo(builder);
        var program = builder.Build();
        var schedule = Schedule.Compute(program);
        Assert.Empty(schedule.Errors);
        return ([.. schedule.Issues.Select(i => (i.Cycle, i.Instruction.ToString()))], program.Queue(queue));
    }

    [Fact]
    public void Gaps_become_nops_and_cycles_are_kept()
    {
        var (issues, listing) = RoundTrip("mem.w.0",
            (3, Instruction.Create("read", 5, StreamRef.East(1))),
            (4, Instruction.Create("write", 9, StreamRef.West(2))));
        Assert.Equal([(3L, "read 5, e1"), (4L, "write 9, w2")], issues);
        Assert.Equal(["nop 3", "read 5, e1", "write 9, w2"], listing.Select(i => i.ToString()));
    }

    [Fact]
    public void A_strided_run_becomes_one_repeat()
    {
        var placements = Enumerable.Range(0, 6).Select(i => ((long)(10 + (3 * i)), Instruction.Create("read", 100 + (2 * i), StreamRef.West(0)))).ToArray();
        var (issues, listing) = RoundTrip("mem.w.1", placements);
        Assert.Equal(["nop 10", "read 100, w0", "repeat 5, 3, 2"], listing.Select(i => i.ToString()));
        Assert.Equal(placements.Select(p => (p.Item1, p.Item2.ToString())), issues);
    }

    [Fact]
    public void A_run_breaks_where_the_stride_or_operands_change()
    {
        var placements = new (long, Instruction)[]
        {
            (0, Instruction.Create("read", 0, StreamRef.West(0))),
            (1, Instruction.Create("read", 1, StreamRef.West(0))),
            (2, Instruction.Create("read", 2, StreamRef.West(0))),
            (3, Instruction.Create("read", 2, StreamRef.West(1))),
            (5, Instruction.Create("read", 7, StreamRef.West(1))),
        };
        var (issues, listing) = RoundTrip("mem.w.2", placements);
        Assert.Equal(placements.Select(p => (p.Item1, p.Item2.ToString())), issues);
        Assert.Equal(["read 0, w0", "repeat 2, 1, 1", "read 2, w1", "repeat 1, 2, 5"], listing.Select(i => i.ToString()));
    }

    [Fact]
    public void Instructions_without_a_step_field_repeat_only_when_identical()
    {
        var (issues, listing) = RoundTrip("mxm.0.w",
            (2, Instruction.Create("lw", StreamRef.West(0), 4)),
            (3, Instruction.Create("lw", StreamRef.West(0), 4)),
            (4, Instruction.Create("lw", StreamRef.West(0), 3)),
            (9, Instruction.Create("iw")));
        Assert.Equal(["nop 2", "lw w0, 4", "repeat 1, 1, 0", "lw w0, 3", "nop 4", "iw"], listing.Select(i => i.ToString()));
        Assert.Equal([2L, 3, 4, 9], issues.Select(i => i.Cycle));
    }

    [Fact]
    public void Two_instructions_in_one_queue_cycle_are_rejected()
    {
        var timeline = new QueueTimeline();
        timeline.Place("vxm.0", 4, Instruction.Create("iw"));
        var error = Assert.Throws<InvalidOperationException>(() => timeline.Place("vxm.0", 4, Instruction.Create("iw")));
        Assert.Equal("vxm.0: two instructions placed at cycle 4 (iw and iw)", error.Message);
    }
}
