using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;

namespace Lpu.Rtl.Tests.Rtl;

/// <summary>
/// The ICU queues of the RTL issue exactly what <see cref="Schedule"/> (architecture.md §4, §11) says:
/// every issue cycle and word (stepped repeat copies included), and the done cycle D.
/// </summary>
[Collection(SharedSmallTop.Name)]
public sealed class QueueScheduleTests(SmallTop top)
{
    [Fact]
    public void HandWrittenIcuProgramIssuesAsScheduled()
    {
        var b = new ProgramBuilder(top.Config);
        b.Queue("mem.w.0").Read(3, new StreamRef(Direction.East, 0)).Repeat(3, 2, 5).Nop(4).Sync().Read(1, new StreamRef(Direction.East, 1)).Repeat(1, 1, -1);
        b.Queue("mem.e.1").Nop(6).Notify().Nop(1).Nop(90).Nop(90);
        b.Queue("vxm.2").Sync().Config(1).Nop(2).Config(3).Repeat(2, 3);
        b.Queue("mem.e.3").Nop(20).Sync().Sync();
        b.Queue("vxm.0").Nop(30).Notify().Nop(3).Notify();
        AssertIssuesAsScheduled(b.Build());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomIcuProgramsIssueAsScheduled(int seed)
    {
        var random = new Random(seed);
        LpuProgram program;
        do
        {
            program = RandomProgram(random);
        }
        while (Schedule.Compute(program).Errors.Count > 0);
        AssertIssuesAsScheduled(program);
    }

    private void AssertIssuesAsScheduled(LpuProgram program)
    {
        var schedule = Schedule.Compute(program);
        Assert.Empty(schedule.Errors);
        using var rtl = new TopHarness(top.Design, top.Build);
        rtl.Load(program);
        var (lines, done) = rtl.Run(5000);
        var expected = schedule.Issues.Select(i => $"{i.Cycle} I {i.Queue} {i.Instruction.Encode():x16}");
        EndToEndTests.AssertSameEvents(expected, lines.Where(l => l.Contains(" I ", StringComparison.Ordinal)));
        Assert.Equal(schedule.DoneCycle, done);
    }

    /// <summary>Random nop / repeat (with steps) / sync / notify / config mixes on the MEM and VXM queues.</summary>
    private LpuProgram RandomProgram(Random random)
    {
        var b = new ProgramBuilder(top.Config);
        foreach (var index in top.Design.Queues)
        {
            var q = b.Queue(index);
            var mem = q.Info.Kind == UnitKind.Mem;
            var count = random.Next(0, 9);
            for (var i = 0; i < count; i++)
            {
                switch (random.Next(8))
                {
                    case 0:
                        q.Nop(random.Next(1, 6));
                        break;
                    case 1 when q.Instructions.Count > 0:
                        q.Repeat(random.Next(1, 4), random.Next(1, 4), mem ? random.Next(-2, 3) : 0);
                        break;
                    case 2:
                        q.Sync();
                        break;
                    case 3:
                        q.Notify();
                        break;
                    case 4:
                        q.Config(random.Next(0, 4));
                        break;
                    default:
                        if (mem)
                            q.Read(random.Next(100, 150), new StreamRef(Direction.East, random.Next(8)));
                        else
                            q.Vxm(VxmOp.Add, DataType.I8, new StreamRef(Direction.West, random.Next(8)), new StreamRef(Direction.East, 0), new StreamRef(Direction.East, 1));
                        break;
                }
            }
        }

        return b.Build();
    }
}
