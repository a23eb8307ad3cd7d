using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Model;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Cosim;

/// <summary>
/// What keeps the RTL thread from running past the end: the done cycle D of the program's schedule
/// before the run (<see cref="Schedule.DoneCycleOf"/>), and "cycle + SL + dmax + 1 while D is
/// unknown", against the golden model's D on the examples and on random ICU-heavy programs.
/// </summary>
public class DoneCycleBoundTests
{
    private static readonly LpuConfig Small = Presets.Get("small");
    private static readonly int Margin = Small.Superlanes + InstructionSet.MaxLatency(Small) + 1;

    [Theory]
    [InlineData("vector_ops.s")]
    [InlineData("requant.s")]
    [InlineData("permute.s")]
    [InlineData("transpose.s")]
    [InlineData("gemm_24x40x20.s")]
    public void The_schedule_gives_the_models_done_cycle(string name)
    {
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of($"sim/programs/{name}")), Small, name);
        var model = new LpuSimulator(Small);
        model.Load(program);

        model.Run();

        Assert.True(model.DoneCycle > 10);
        Assert.Equal(model.DoneCycle, Schedule.DoneCycleOf(program));
        Assert.Equal(model.DoneCycle, Schedule.Compute(program).DoneCycle);
    }

    [Fact]
    public void An_empty_program_is_done_at_0()
    {
        Assert.Equal(0, Schedule.DoneCycleOf(new ProgramBuilder(Small).Build()));
    }

    [Fact]
    public void A_program_that_does_not_schedule_has_no_done_cycle()
    {
        var b = new ProgramBuilder(Small);
        b.Queue("vxm.0").Sync();   // no notify anywhere: waits forever
        var program = b.Build();

        Assert.NotEmpty(Schedule.Compute(program).Errors);
        Assert.Null(Schedule.DoneCycleOf(program));
    }

    [Fact]
    public void The_schedule_is_exact_and_the_margin_a_bound_on_random_programs_with_syncs()
    {
        int ran = 0, withSync = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(7000 + seed);
            var b = new ProgramBuilder(Small);
            var syncs = false;
            foreach (var name in (string[])["mem.w.0", "mem.w.1", "mem.e.0", "mem.e.3", "vxm.0", "vxm.2"])
            {
                var q = b.Queue(name);
                for (var i = random.Next(0, 8); i > 0; i--)
                {
                    switch (random.Next(name.StartsWith("mem", StringComparison.Ordinal) ? 8 : 5))
                    {
                        case 0: q.Nop(random.Next(1, 20)); break;
                        case 1: q.Sync(); syncs = true; break;
                        case 2: q.Notify(); break;
                        case 3: q.Config(random.Next(4)); break;
                        case 4: q.Nop(1); break;
                        default:
                            q.Read(random.Next(0, 100), StreamRef.East(random.Next(8)));
                            if (random.Next(2) == 0)
                                q.Repeat(random.Next(1, 30), random.Next(1, 4));
                            break;
                    }
                }
            }

            b.Queue("vxm.3").Nop(random.Next(10, 60)).Notify();
            var program = b.Build();
            var scheduled = Schedule.DoneCycleOf(program);
            var model = new LpuSimulator(Small);
            var unknownAt = new List<long>();
            try
            {
                model.Load(program);
                while (!model.IsDone)
                {
                    if (model.DoneCycle is null)
                        unknownAt.Add(model.Cycle);
                    model.Step();
                }
            }
            catch (SimulationException)
            {
                continue;
            }

            var done = model.DoneCycle!.Value;
            Assert.Equal(done, scheduled);
            Assert.All(unknownAt, c => Assert.True(c + Margin <= done, $"seed {seed}: D unknown before cycle {c} but only {done}"));
            ran++;
            withSync += syncs ? 1 : 0;
        }

        Assert.True(ran > 50 && withSync > 30, $"ran {ran}, with sync {withSync}");
    }
}
