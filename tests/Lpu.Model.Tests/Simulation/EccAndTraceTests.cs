using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Model.Numerics;

namespace Lpu.Model.Tests.Simulation;

public class EccAndTraceTests
{
    private static readonly StreamRef E0 = StreamRef.East(0);

    [Fact]
    public void Single_bit_errors_are_corrected_and_double_bit_errors_detected()
    {
        var data = Harness.Bytes(8, 60);
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.0").Read(5, E0).Read(6, StreamRef.East(1));
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        sim.WriteSram(0, 5, data);
        sim.WriteSram(0, 6, data);
        sim.InjectBitFlip(0, 0, 5, 3);            // data bit 3 of tile 0: corrected
        sim.InjectBitFlip(0, 1, 5, 32 + 2);       // check bit 2 of tile 1: corrected, data untouched
        sim.InjectBitFlip(0, 1, 6, 9);            // two data bits of tile 1 of word 6: uncorrectable
        sim.InjectBitFlip(0, 1, 6, 30);

        var ecc = new List<(long, int, int, int, EccStatus)>();
        var streams = new Dictionary<(long, int, int), byte[]>();
        sim.Run(100, e =>
        {
            foreach (var x in e.Ecc)
                ecc.Add((e.Cycle, x.Slice, x.Superlane, x.Address, x.Status));
            foreach (var s in e.Streams)
                streams[(e.Cycle, s.Stream, s.Superlane)] = e.Data(in s).ToArray();
        });

        // ECC check in t + k + 1
        Assert.Equal(
            [(1L, 0, 0, 5, EccStatus.Corrected), (2L, 0, 1, 5, EccStatus.Corrected), (3L, 0, 1, 6, EccStatus.Uncorrectable)],
            ecc);
        Assert.Equal(data[0..4], streams[(2, 0, 0)]);
        Assert.Equal(data[4..8], streams[(3, 0, 1)]);
        var asStored = (byte[])data.Clone();
        asStored[4 + 1] ^= 1 << 1;   // bit 9 of tile 1 = byte 1 bit 1
        asStored[4 + 3] ^= 1 << 6;   // bit 30 = byte 3 bit 6
        Assert.Equal(asStored[4..8], streams[(4, 1, 1)]);
        Assert.Equal(2, sim.Counters.EccCorrected);
        Assert.Equal(1, sim.Counters.EccUncorrectable);
        // the stored word keeps its error: a read does not scrub
        var stored = new byte[8];
        sim.ReadSram(0, 5, stored);
        Assert.NotEqual(data, stored);
    }

    [Fact]
    public void Host_writes_generate_check_bits()
    {
        var sim = new LpuSimulator(Harness.Small);
        sim.WriteSram(3, 17, [1, 0, 0, 0, 2, 0, 0, 0]);
        // L = 4: data bit 0 at position 3 -> check 0b100_0011; data bit 1 at position 5 -> 0b100_0101
        Assert.Equal(0b100_0011, sim.ReadCheckBits(3, 0, 17));
        Assert.Equal(0b100_0101, sim.ReadCheckBits(3, 1, 17));
    }

    [Fact]
    public void Trace_text_is_exactly_the_documented_format()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 3, [1, 2, 3, 4, 0xa5, 6, 7, 0xff]);
        b.Queue("mem.w.0").Read(3, E0);
        b.Queue("mem.e.0").Nop(4).Write(10, E0);
        var h = new Harness(b.Build());
        var read = Harness.Encode("read", 3, E0);
        var write = Harness.Encode("write", 10, E0);
        var expected =
            $"0 I 0 {read:x16}\n" +
            "2 S 5 e0 0 01020304\n" +
            "3 S 5 e0 1 a50607ff\n" +
            $"4 I 4 {write:x16}\n" +
            "5 M 4 0 10 01020304\n" +
            "6 M 4 1 10 a50607ff\n";
        Assert.Equal(expected, h.Trace);
        Assert.Equal(0x10UL, read >> 56);

        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        sim.Step();
        sim.Step();
        Assert.Equal(["2 S 5 e0 0 01020304"], TraceWriter.Lines(sim.Step()));
    }

    [Fact]
    public void Events_of_one_cycle_come_sorted_kind_by_kind()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 0, Harness.Bytes(8, 1)).Data(4, 0, Harness.Bytes(8, 2));
        b.Queue("mem.e.0").Read(0, StreamRef.West(3));
        b.Queue("mem.w.0").Read(0, E0);
        b.Queue("vxm.0").Nop(2).Notify();
        var h = new Harness(b.Build());
        var lines = h.Trace.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("2 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("2 S 5 e0 0 ", lines[0]);
        Assert.StartsWith("2 S 7 w3 0 ", lines[1]);
        Assert.StartsWith("2 I ", lines[2]);
    }

    [Fact]
    public void Two_runs_of_one_program_give_the_same_trace()
    {
        static LpuProgram Build()
        {
            var b = new ProgramBuilder(Harness.Small);
            for (var s = 0; s < 8; s++)
                b.Data(s, 0, Harness.Bytes(16, s));
            b.Queue("mem.w.0").Read(0, E0).Repeat(5, 2, 1);
            b.Queue("mem.e.0").Read(0, StreamRef.West(0)).Repeat(5, 2, 1);
            b.Queue("vxm.0").Nop(3).Vxm(VxmOp.Add, DataType.I8, StreamRef.East(2), E0, StreamRef.West(0)).Repeat(4, 2);
            b.Queue("vxm.1").Nop(3).Vxm(VxmOp.Xor, DataType.I8, StreamRef.West(2), E0, StreamRef.West(0)).Repeat(4, 2);
            b.Queue("mem.e.3").Nop(8).Write(100, StreamRef.East(2)).Repeat(4, 2, 1);
            b.Queue("sxm.w.rot.0").Nop(9).Rotate(1, StreamRef.East(3), StreamRef.West(2));
            return b.Build();
        }

        var first = new Harness(Build()).Trace;
        var second = new Harness(Build()).Trace;
        Assert.Equal(first, second);
        Assert.True(first.Split('\n').Length > 40);
    }
}
