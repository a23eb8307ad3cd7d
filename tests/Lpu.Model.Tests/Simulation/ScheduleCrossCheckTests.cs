using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

// The assembler's static schedule (Lpu.Architecture, written from the same §4 by someone else) and
// the model's issue events must agree on every issue and on D for random ICU-heavy programs.
public class ScheduleCrossCheckTests
{
    [Fact]
    public void Model_issues_equal_the_static_schedule_on_random_programs()
    {
        var config = Harness.Small;
        int agreed = 0, bothRefused = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(1000 + seed);
            var b = new ProgramBuilder(config);
            // MEM queues (reads only: no bank or stream clashes) and the VXM queues (ICU entries only).
            string[] names = ["mem.w.0", "mem.w.1", "mem.e.0", "mem.e.3", "vxm.0", "vxm.2"];
            foreach (var name in names)
            {
                var q = b.Queue(name);
                var isMem = name.StartsWith("mem", StringComparison.Ordinal);
                var entries = random.Next(0, 7);
                for (var i = 0; i < entries; i++)
                {
                    switch (random.Next(isMem ? 9 : 5))
                    {
                        case 0: q.Nop(random.Next(1, 4)); break;
                        case 1: q.Sync(); break;
                        case 2: q.Notify(); break;
                        case 3: q.Config(random.Next(4)); break;
                        case 4 when random.Next(3) == 0: q.Repeat(random.Next(1, 4), random.Next(1, 3)); break;
                        case 4: q.Nop(1); break;
                        default:
                            q.Read(random.Next(0, 100), StreamRef.East(random.Next(8)));
                            if (random.Next(2) == 0)
                                q.Repeat(random.Next(1, 4), random.Next(1, 3), random.Next(-1, 2));
                            break;
                    }
                }
            }

            // a late notify releases most syncs
            b.Queue("vxm.3").Nop(random.Next(10, 40)).Notify();
            var program = b.Build();
            var schedule = Schedule.Compute(program);
            var sim = new LpuSimulator(config);
            var issues = new List<(long, int, ulong)>();
            try
            {
                sim.Load(program);
                sim.Run(10_000, e =>
                {
                    foreach (var i in e.Issues)
                        issues.Add((e.Cycle, i.Queue, i.Word));
                });
            }
            catch (SimulationException e)
            {
                Assert.True(schedule.Errors.Count > 0, $"seed {seed}: the model refused ({e.Message}) but the schedule has no error");
                bothRefused++;
                continue;
            }

            if (schedule.Errors.Count > 0)
                Assert.Fail($"seed {seed}: the schedule has errors ({schedule.Errors[0]}) but the model ran");
            Assert.Equal(schedule.Issues.Select(i => (i.Cycle, i.Queue, i.Instruction.Encode())).ToList(), issues);
            Assert.Equal(schedule.DoneCycle, sim.Cycle);
            agreed++;
        }

        Assert.True(agreed > 50 && bothRefused > 10, $"agreed {agreed}, both refused {bothRefused}");
    }
}
