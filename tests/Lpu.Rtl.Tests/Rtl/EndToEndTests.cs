using Lpu.Architecture.Assembly;
using Lpu.Architecture.Programs;
using Lpu.Model;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Rtl;

/// <summary>Programs run on the small RTL in Verilator through the host port, checked against the golden model.</summary>
[Collection(SharedSmallTop.Name)]
public sealed class EndToEndTests(SmallTop top)
{
    [Fact]
    public void VectorOpsMatchesTheModelEventByEventAndInSram()
    {
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of("sim/programs/vector_ops.s")), top.Config, "vector_ops.s");
        var (expected, model) = RunModel(program);
        using var rtl = new TopHarness(top.Design, top.Build);
        rtl.Load(program);
        var (lines, done) = rtl.Run();

        Assert.Equal(model.DoneCycle, done);
        AssertSameEvents(expected, lines);
        var vector = new byte[top.Config.VectorLength];
        foreach (var slice in new[] { 4, 5, 6 })
        {
            for (var word = 0; word < 8; word++)
            {
                model.ReadSram(slice, word, vector);
                var fromRtl = Enumerable.Range(0, top.Config.Superlanes).SelectMany(k => rtl.ReadTile(slice, k, word)).ToArray();
                Assert.Equal(vector, fromRtl);
            }
        }

        Assert.Equal((ulong)done, rtl.Counter(0));
        Assert.Equal((ulong)model.Counters.Issued.Sum(), rtl.Counter(1));
        Assert.Equal((ulong)model.Counters.SramReads, rtl.Counter(2));
        Assert.Equal((ulong)model.Counters.SramWrites, rtl.Counter(3));
    }

    [Fact]
    public void AnEmptyProgramIsDoneInCycleZero()
    {
        var program = new ProgramBuilder(top.Config).Build();
        using var rtl = new TopHarness(top.Design, top.Build);
        rtl.Load(program);
        var (lines, done) = rtl.Run(10);
        Assert.Equal(0, done);
        Assert.Empty(lines);
    }

    internal static (List<string> Lines, LpuSimulator Model) RunModel(LpuProgram program)
    {
        var model = new LpuSimulator(program.Config);
        model.Load(program);
        var lines = new List<string>();
        model.Run(onCycle: e => lines.AddRange(TraceWriter.Lines(e)));
        return (lines, model);
    }

    /// <summary>Same events in the same cycles (within a cycle the order does not matter).</summary>
    internal static void AssertSameEvents(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = expected.Order(StringComparer.Ordinal).ToList();
        var a = actual.Order(StringComparer.Ordinal).ToList();
        var missing = e.Except(a).Take(10).ToList();
        var extra = a.Except(e).Take(10).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && e.Count == a.Count,
            $"model has {e.Count} events, RTL {a.Count}\nonly in the model:\n{string.Join('\n', missing)}\nonly in the RTL:\n{string.Join('\n', extra)}");
    }
}
