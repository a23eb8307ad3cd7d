using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Lockstep;
using Lpu.Model;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Cosim;

/// <summary>
/// The two lower bounds of the done cycle D that keep the RTL thread from running past the end
/// (<see cref="DoneBound"/>, and "cycle + SL + dmax + 1 while D is unknown"), against the golden
/// model's D on the examples and on random ICU-heavy programs.
/// </summary>
public class DoneBoundTests
{
    private static readonly LpuConfig Small = Presets.Get("small");
    private static readonly int Margin = Small.Superlanes + InstructionSet.MaxLatency(Small) + 1;

    [Theory]
    [InlineData("vector_ops.s")]
    [InlineData("requant.s")]
    [InlineData("permute.s")]
    [InlineData("transpose.s")]
    [InlineData("gemm_24x40x20.s")]
    public void Without_syncs_the_bound_is_the_done_cycle(string name)
    {
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of($"sim/programs/{name}")), Small, name);
        var model = new LpuSimulator(Small);
        model.Load(program);

        model.Run();

        Assert.True(model.DoneCycle > 10);
        Assert.Equal(model.DoneCycle, DoneBound.AtLeast(program));
    }

    [Fact]
    public void An_empty_program_is_bounded_by_0()
    {
        Assert.Equal(0, DoneBound.AtLeast(new ProgramBuilder(Small).Build()));
    }

    [Fact]
    public void Both_bounds_hold_on_random_programs_with_syncs()
    {
        int ran = 0, withSync = 0, below = 0;
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
            var bound = DoneBound.AtLeast(program);
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
            Assert.True(bound <= done, $"seed {seed}: bound {bound} > D {done}");
            Assert.All(unknownAt, c => Assert.True(c + Margin <= done, $"seed {seed}: D unknown before cycle {c} but only {done}"));
            if (!syncs)
                Assert.Equal(done, bound);
            ran++;
            withSync += syncs ? 1 : 0;
            below += bound < done ? 1 : 0;
        }

        Assert.True(ran > 50 && withSync > 30 && below > 5, $"ran {ran}, with sync {withSync}, bound below D {below}");
    }
}
