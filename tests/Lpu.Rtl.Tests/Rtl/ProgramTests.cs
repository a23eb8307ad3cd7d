using Lpu.Architecture.Assembly;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Rtl;

/// <summary>Wider programs on the small RTL against the golden model: multi-stream types, power masks, ECC.</summary>
[Collection(SharedSmallTop.Name)]
public sealed class ProgramTests(SmallTop top)
{
    private static StreamRef E(int s) => new(Direction.East, s);

    private static StreamRef W(int s) => new(Direction.West, s);

    [Fact]
    public void FourStreamTypesAndAPowerMaskMatchTheModel()
    {
        // Slices 0..3 (positions 5..2, i + 1 hops west of the VXM at 6) read word 0 onto e_i so the four
        // bytes of an i32 meet at the VXM in cycle 6; ALU 0 adds on w0..w3 (written back by slices 0..3),
        // ALU 1 converts to f32 on e4..e7 (written by east slices 0..3). vxm.3 powers superlane 1 down
        // from cycle 6 to cycle 21, so its half of every result is dropped.
        var b = new ProgramBuilder(top.Config);
        var random = new Random(7);
        for (var i = 0; i < 4; i++)
        {
            var bytes = new byte[top.Config.VectorLength];
            random.NextBytes(bytes);
            b.Data(i, 0, bytes);
            var q = b.Queue($"mem.w.{i}");
            if (i < 3)
                q.Nop(3 - i);
            q.Read(0, E(i)).Nop(5 + (2 * i)).Write(4, W(i));
            b.Queue($"mem.e.{i}").Nop(9 + i).Write(4, E(4 + i));
        }

        b.Queue("vxm.0").Nop(6).Vxm(VxmOp.Add, DataType.I32, W(0), E(0), E(0));
        b.Queue("vxm.1").Nop(6).Cvt(DataType.I32, DataType.F32, E(4), E(0));
        b.Queue("vxm.3").Nop(4).Config(1).Nop(15).Config(3);
        var program = b.Build();
        var (rtl, model, _) = RunBoth(program, []);
        using (rtl)
        {
            AssertSram(rtl, model, Enumerable.Range(0, 8), [0, 4]);
        }
    }

    [Fact]
    public void GatherAndScatterMatchTheModel()
    {
        // Slice 0 (position 5) reads per-tile addresses onto e0; slice 1 (position 4) cannot see it (e0
        // flows east), so slice 2 (position 3) reads them instead and slice 1 gathers at 0 + 2 + 1 = 3 with
        // a flipped bit in one gathered word (the ECC event comes at t + k + 2). The gathered vector on e1
        // is written by mem.e.0 (3 hops east) and scattered by mem.e.1 with its own bytes as addresses.
        var b = new ProgramBuilder(top.Config);
        var random = new Random(11);
        var data = new byte[16 * top.Config.VectorLength];
        random.NextBytes(data);
        b.Data(1, 0, data);
        b.Data(2, 0, [5, 0, 1, 2, 9, 0, 3, 4]);
        b.Queue("mem.w.2").Read(0, E(0));
        b.Queue("mem.w.1").Nop(3).Gather(E(1), E(0));
        b.Queue("mem.e.0").Nop(9).Write(0, E(1));
        b.Queue("mem.e.1").Nop(10).Scatter(E(1), E(1));
        var (rtl, model, _) = RunBoth(b.Build(), [(1, 1, 9, 4)]);
        using (rtl)
        {
            Assert.Equal(1UL, rtl.Counter(4));
            AssertSram(rtl, model, [4, 5], Enumerable.Range(0, top.Config.Mem.WordsPerTile));
        }
    }

    [Fact]
    public void EccErrorsInjectedThroughTheHostPortMatchTheModel()
    {
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of("sim/programs/vector_ops.s")), top.Config, "vector_ops.s");
        var (rtl, model, _) = RunBoth(program, [(0, 1, 2, 5), (1, 0, 3, 3), (1, 0, 3, 9), (0, 0, 6, 33)]);
        using (rtl)
        {
            Assert.Equal((ulong)model.Counters.EccCorrected, rtl.Counter(4));
            Assert.Equal((ulong)model.Counters.EccUncorrectable, rtl.Counter(5));
            Assert.Equal(2UL, rtl.Counter(4));
            Assert.Equal(1UL, rtl.Counter(5));
            AssertSram(rtl, model, [4, 5, 6], Enumerable.Range(0, 8));
        }
    }

    private (TopHarness Rtl, Model.LpuSimulator Model, long Done) RunBoth(LpuProgram program, (int Slice, int Tile, int Word, int Bit)[] flips)
    {
        var model = new Model.LpuSimulator(program.Config);
        model.Load(program);
        foreach (var f in flips)
            model.InjectBitFlip(f.Slice, f.Tile, f.Word, f.Bit);
        var expected = new List<string>();
        model.Run(onCycle: e => expected.AddRange(Model.TraceWriter.Lines(e)));

        var rtl = new TopHarness(top.Design, top.Build);
        rtl.Load(program);
        foreach (var f in flips)
            rtl.FlipBit(f.Slice, f.Tile, f.Word, f.Bit);
        var (lines, done) = rtl.Run();
        Assert.Equal(model.DoneCycle, done);
        EndToEndTests.AssertSameEvents(expected, lines);
        return (rtl, model, done);
    }

    private void AssertSram(TopHarness rtl, Model.LpuSimulator model, IEnumerable<int> slices, IEnumerable<int> words)
    {
        var vector = new byte[top.Config.VectorLength];
        foreach (var slice in slices)
        {
            foreach (var word in words)
            {
                model.ReadSram(slice, word, vector);
                var fromRtl = Enumerable.Range(0, top.Config.Superlanes).SelectMany(k => rtl.ReadTile(slice, k, word)).ToArray();
                Assert.Equal(vector, fromRtl);
            }
        }
    }
}
