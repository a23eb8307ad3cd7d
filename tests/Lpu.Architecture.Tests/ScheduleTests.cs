using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
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

    [Fact]
    public void Done_cycle_without_the_issues_is_the_schedules_on_random_programs()
    {
        var small = Presets.Get("small");
        int clean = 0, failing = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(9100 + seed);
            var b = new ProgramBuilder(small);
            foreach (var name in (string[])["mem.w.0", "mem.w.1", "mem.e.2", "vxm.1"])
            {
                var q = b.Queue(name);
                for (var i = random.Next(0, 7); i > 0; i--)
                {
                    switch (random.Next(7))
                    {
                        case 0: q.Nop(random.Next(1, 9)); break;
                        case 1 when random.Next(3) == 0: q.Sync(); break;
                        case 2: q.Notify(); break;
                        case 3: q.Repeat(random.Next(1, 40), random.Next(1, 4)); break;   // also of a notify, or of nothing
                        default:
                            if (name.StartsWith("mem", StringComparison.Ordinal))
                            {
                                q.Read(random.Next(0, 200), StreamRef.East(random.Next(8)));
                                if (random.Next(2) == 0)   // steps that sometimes leave the address field's range
                                    q.Repeat(random.Next(1, 2000), random.Next(1, 3), random.Next(-1, 40));
                            }
                            else
                                q.Config(random.Next(4));
                            break;
                    }
                }
            }

            b.Queue("vxm.3").Nop(random.Next(10, 60)).Notify();
            var program = b.Build();
            var schedule = Schedule.Compute(program, int.MaxValue);

            Assert.Equal(schedule.Errors.Count == 0 ? schedule.DoneCycle : null, Schedule.DoneCycleOf(program));
            clean += schedule.Errors.Count == 0 ? 1 : 0;
            failing += schedule.Errors.Count > 0 ? 1 : 0;
        }

        Assert.True(clean > 100 && failing > 30, $"{clean} clean, {failing} with errors");
    }

    [Fact]
    public void Done_cycle_of_a_long_repeat_is_counted_not_walked()
    {
        var small = Presets.Get("small");
        var b = new ProgramBuilder(small);
        var q = b.Queue("mem.w.0").Read(0, StreamRef.East(0));
        for (var i = 0; i < 200; i++)
            q.Repeat(65535, 1);   // 13,107,000 copies: past Compute's default issue limit
        var program = b.Build();

        // The read at 0, then copies every cycle to 200 x 65,535; D = last + SL (2) + dmax (4) + 1.
        Assert.Equal((200L * 65535) + 2 + 4 + 1, Schedule.DoneCycleOf(program));
        Assert.NotEmpty(Schedule.Compute(program).Errors);
    }

    [Theory]
    [InlineData(65530, 5, 1, true)]    // the last copy reads word 65,535: the top of the 16-bit field
    [InlineData(65530, 6, 1, false)]   // repetition 6 would read 65,536
    [InlineData(5, 5, -1, true)]       // down to word 0
    [InlineData(5, 6, -1, false)]      // repetition 6 would read -1
    [InlineData(100, 3, -50, false)]
    public void Stepped_repeats_leave_the_field_range_at_the_same_copy_counted_or_walked(int address, int n, int step, bool clean)
    {
        var b = new ProgramBuilder(Presets.Get("small"));
        b.Queue("mem.w.0").Read(address, StreamRef.East(0)).Repeat(n, 1, step).Repeat(2, 1);
        var program = b.Build();

        var schedule = Schedule.Compute(program);

        Assert.Equal(clean, schedule.Errors.Count == 0);
        Assert.Equal(clean ? n + 2 + 2 + 4 + 1 : null, Schedule.DoneCycleOf(program));
    }
}
