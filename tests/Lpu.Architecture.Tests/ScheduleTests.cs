using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Programs;

namespace Lpu.Architecture.Tests;

public class ScheduleTests
{
    private static List<(long Cycle, string Queue, string Text)> Issues(string source, string preset = "small")
    {
        var program = Assembler.Assemble(source, Presets.Get(preset));
        var schedule = Schedule.Compute(program);
        return [.. schedule.Issues.Select(i => (i.Cycle, program.Floorplan.Queues[i.Queue].Name, i.Instruction.ToString()))];
    }

    [Fact]
    public void Nop_and_repeat_move_the_issue_cycle()
    {
        var issues = Issues("mem.w.0:\n nop 3\n read 10, e0\n repeat 2, 4, 5\n read 0, e1\n");
        // read at 3; repeats at 3 + 4 = 7 (a = 15) and 3 + 8 = 11 (a = 20); next at 3 + 8 + 1 = 12.
        Assert.Equal(
            [(3L, "mem.w.0", "read 10, e0"), (7L, "mem.w.0", "read 15, e0"), (11L, "mem.w.0", "read 20, e0"), (12L, "mem.w.0", "read 0, e1")],
            issues);
    }

    [Fact]
    public void Sync_waits_for_the_next_notify_and_resumes_two_cycles_later()
    {
        var issues = Issues("mem.w.0:\n sync\n read 0, e0\nmem.w.1:\n nop 6\n notify\n sync\n read 1, e1\nmem.w.2:\n nop 9\n notify\n");
        // notify at 6 releases mem.w.0 (reached at 0): read at 8. mem.w.1 reaches sync at 7: the notify at 9 releases it: read at 11.
        Assert.Equal(
            [(6L, "mem.w.1", "notify"), (8L, "mem.w.0", "read 0, e0"), (9L, "mem.w.2", "notify"), (11L, "mem.w.1", "read 1, e1")],
            issues);
    }

    [Fact]
    public void Done_cycle_is_last_issue_plus_sl_plus_dmax_plus_one()
    {
        var program = Assembler.Assemble("vxm.0:\n nop 7\n add.i8 e0, e0, e0\n", Presets.Get("small"));
        Assert.Equal(7 + 2 + 4 + 1, Schedule.Compute(program).DoneCycle);   // SL = 2, dmax = SL + 2 = 4
        Assert.Equal(0, Schedule.Compute(Assembler.Assemble("", Presets.Get("small"))).DoneCycle);
    }

    [Fact]
    public void Builder_programs_are_checked_with_queue_and_index()
    {
        var b = new ProgramBuilder(Presets.Get("small"));
        b.Queue("mem.w.0").Read(300, Isa.StreamRef.East(0));
        var p = b.Build();
        var error = Assert.Single(ProgramChecker.Check(p));
        Assert.Equal("mem.w.0[0] (read 300, e0): address 300 out of range [0, 256)", ProgramChecker.Describe(p, error));
    }

    [Fact]
    public void Issue_limit_stops_scheduling_with_an_error()
    {
        var program = Assembler.Assemble("mem.w.0:\n read 0, e0\n repeat 100, 1\n", Presets.Get("small"));
        var schedule = Schedule.Compute(program, 10);
        var error = Assert.Single(schedule.Errors);
        Assert.Equal("the program issues more than 10 instructions; scheduling stopped here", error.Message);
        Assert.Equal(11, schedule.Issues.Count);
    }

    [Fact]
    public void Repeat_after_repeat_continues_from_the_last_copy()
    {
        var issues = Issues("mem.w.0:\n read 0, e0\n repeat 1, 2, 4\n repeat 1, 3, 4\n");
        // read at 0; copy at 2 with a = 4; that copy repeated at 5 with a = 8.
        Assert.Equal([(0L, "mem.w.0", "read 0, e0"), (2L, "mem.w.0", "read 4, e0"), (5L, "mem.w.0", "read 8, e0")], issues);
    }

    [Fact]
    public void Repeat_whose_copy_would_be_in_the_past_is_an_error()
    {
        // read at 0, nop 5 moves c to 6: a copy at 0 + 2 is too early.
        var e = Assert.Throws<AssemblyException>(() => Assembler.Assemble("mem.w.0:\n read 0, e0\n nop 5\n repeat 1, 2\n", Presets.Get("small"), "t.s"));
        Assert.Equal("t.s:4:12: the first copy would issue in cycle 2, before this queue's next issue cycle 6", Assert.Single(e.Diagnostics).ToString());
    }
}
