using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

// VXM at position 6 of small; west slice i (global i) at 5 - i, east slice i (global 4 + i) at 7 + i.
public class VxmTests
{
    [Fact]
    public void Add_i8_of_two_slices_lands_in_a_third()
    {
        var a = Harness.Bytes(8, 21);
        var bb = Harness.Bytes(8, 22);
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 0, a).Data(4, 0, bb);
        b.Queue("mem.w.0").Read(0, StreamRef.East(0));           // at 6 during 3 + k
        b.Queue("mem.e.0").Read(0, StreamRef.West(0));           // at 6 during 3 + k
        b.Queue("vxm.0").Nop(3).Vxm(VxmOp.Add, DataType.I8, StreamRef.East(1), StreamRef.East(0), StreamRef.West(0));
        b.Queue("mem.e.1").Nop(7).Write(9, StreamRef.East(1));   // result at 6 during 5 + k, at 8 during 7 + k
        var h = new Harness(b.Build());

        var expected = new byte[8];
        for (var i = 0; i < 8; i++)
            expected[i] = (byte)(sbyte)Math.Clamp((sbyte)a[i] + (sbyte)bb[i], -128, 127);
        Assert.Equal(expected, h.Word(5, 9));
        Assert.Equal(expected[0..4], h.Streams[(5, 6, Direction.East, 1, 0)]);
        Assert.Equal(expected[4..8], h.Streams[(6, 6, Direction.East, 1, 1)]);
    }

    // Four-stream operands: slice i of each hemisphere carries byte i of every element.
    private static Harness RunWide(Action<QueueBuilder> vxm, int outStreams, byte[][] a, byte[][] bWords)
    {
        var b = new ProgramBuilder(Harness.Small);
        for (var i = 0; i < 4; i++)
        {
            b.Data(i, 0, a[i]).Data(4 + i, 0, bWords[i]);
            // hops to the VXM: 1 + i; everything arrives during 7 + k
            b.Queue($"mem.w.{i}").Nop(4 - i).Read(0, StreamRef.East(i));
            b.Queue($"mem.e.{i}").Nop(4 - i).Read(0, StreamRef.West(i));
        }

        vxm(b.Queue("vxm.0").Nop(7));
        // results on e4.. at the VXM during 9 + k; east slice j is 1 + j hops away
        for (var j = 0; j < outStreams; j++)
            b.Queue($"mem.e.{j}").Nop(9 + 1 + j - (4 - j) - 1).Write(50, StreamRef.East(4 + j));
        return new Harness(b.Build());
    }

    private static uint Element(byte[][] words, int lane) =>
        (uint)(words[0][lane] | words[1][lane] << 8 | words[2][lane] << 16 | words[3][lane] << 24);

    [Fact]
    public void Add_i32_spans_four_streams_little_endian()
    {
        var a = Enumerable.Range(0, 4).Select(i => Harness.Bytes(8, 30 + i)).ToArray();
        var bw = Enumerable.Range(0, 4).Select(i => Harness.Bytes(8, 40 + i)).ToArray();
        var h = RunWide(q => q.Vxm(VxmOp.Add, DataType.I32, StreamRef.East(4), StreamRef.East(0), StreamRef.West(0)), 4, a, bw);
        for (var lane = 0; lane < 8; lane++)
        {
            var sum = Math.Clamp((long)(int)Element(a, lane) + (int)Element(bw, lane), int.MinValue, int.MaxValue);
            for (var j = 0; j < 4; j++)
                Assert.Equal((byte)(sum >> (8 * j)), h.Word(4 + j, 50)[lane]);
        }
    }

    [Fact]
    public void Mul_f32_rounds_like_a_double_product()
    {
        var values = new[] { 1.5f, -2.25f, 3e-20f, 1e30f, 7f, -0f, 0.1f, 123.456f };
        var others = new[] { 2f, 4f, 1e-20f, 1e10f, 0.5f, 3f, 0.3f, -1f };
        byte[][] Split(float[] v) => [.. Enumerable.Range(0, 4).Select(j => v.Select(x => (byte)(BitConverter.SingleToUInt32Bits(x) >> (8 * j))).ToArray())];
        var h = RunWide(q => q.Vxm(VxmOp.Mul, DataType.F32, StreamRef.East(4), StreamRef.East(0), StreamRef.West(0)), 4, Split(values), Split(others));
        for (var lane = 0; lane < 8; lane++)
        {
            var expected = (float)((double)values[lane] * others[lane]);
            var bits = float.IsInfinity(expected) ? 0x7F80_0000u : BitConverter.SingleToUInt32Bits(expected);
            if (float.IsSubnormal(expected))
                bits &= 0x8000_0000;
            var got = (uint)(h.Word(4, 50)[lane] | h.Word(5, 50)[lane] << 8 | h.Word(6, 50)[lane] << 16 | h.Word(7, 50)[lane] << 24);
            Assert.Equal(bits, got);
        }
    }

    [Fact]
    public void Requant_takes_four_streams_and_gives_one()
    {
        var ints = new[] { 1000, -1000, 5, -5, 1 << 20, -(1 << 20), 0, 77 };
        byte[][] a = [.. Enumerable.Range(0, 4).Select(j => ints.Select(x => (byte)(x >> (8 * j))).ToArray())];
        var zeros = Enumerable.Range(0, 4).Select(_ => new byte[8]).ToArray();
        var h = RunWide(q => q.Requant(StreamRef.East(4), StreamRef.East(0), 3, 4), 1, a, zeros);
        // (x * 3 + 8) >> 4, clamped, by hand: 3000+8=3008>>4=188->127; -3000+8=-2992>>4=-187->-128;
        // 15+8=23>>4=1; -15+8=-7>>4=-1; huge -> 127 / -128; 0; 231+8=239>>4=14
        sbyte[] expected = [127, -128, 1, -1, 127, -128, 0, 14];
        Assert.Equal(expected.Select(x => (byte)x).ToArray(), h.Word(4, 50));
    }
}
