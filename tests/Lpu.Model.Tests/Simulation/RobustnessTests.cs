using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

public class RobustnessTests
{
    // Random instructions with small random operands in random queues: loading or running may be
    // refused with a clear error, but nothing else may escape (no index errors from deep inside).
    [Theory]
    [InlineData("small")]
    [InlineData("medium")]
    public void Random_programs_run_or_fail_with_a_clear_error(string preset)
    {
        var config = Lpu.Architecture.Configuration.Presets.Get(preset);
        var floorplan = new Floorplan(config);
        var specs = InstructionSet.All.Where(s => s.Mnemonic is not "sync").ToList();
        int ran = 0, refused = 0, failed = 0;
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var b = new ProgramBuilder(config);
            b.Permute(floorplan.Queues.First(q => q.Sxm == SxmKind.Perm).Name, 0, [.. Enumerable.Range(0, config.VectorLength).Reverse()]);
            for (var n = 0; n < 6; n++)
            {
                var queue = floorplan.Queues[random.Next(floorplan.Queues.Count)];
                var candidates = specs.Where(s => s.Unit == UnitKind.Icu || (s.Unit == queue.Kind && random.Next(8) > 0) || random.Next(50) == 0).ToList();
                var spec = candidates[random.Next(candidates.Count)];
                var operands = spec.Fields.Select(f => Operand(f, random, config.StreamsPerDirection)).ToList();
                try
                {
                    b.Queue(queue.Index).Add(new Instruction(spec, operands));
                }
                catch (ArgumentException)
                {
                    // not encodable (e.g. a type code): the builder refuses it, which is fine
                }
            }

            var sim = new LpuSimulator(config);
            try
            {
                sim.Load(b.Build());
                sim.Run(20_000);
                ran++;
            }
            catch (ArgumentException e)
            {
                Assert.Contains("queue ", e.Message);
                refused++;
            }
            catch (SimulationException e)
            {
                Assert.StartsWith("cycle ", e.Message);
                failed++;
            }
        }

        Assert.Equal(150, ran + refused + failed);
        Assert.True(ran > 0 && refused > 0, $"ran {ran}, refused {refused}, failed {failed}");
    }

    private static long Operand(OperandField f, Random random, int streams) => f.Kind switch
    {
        OperandKind.StreamRead or OperandKind.StreamWrite => random.Next(2) << 6 | random.Next(streams / 2),
        OperandKind.Type => random.Next(5),
        OperandKind.Mode => random.Next(2),
        OperandKind.Signed => random.Next(-3, 4),
        OperandKind.Mask => random.Next(16),
        _ => random.Next(1, 4),
    };
}
