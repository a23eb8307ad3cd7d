using Lpu.Architecture.Isa;
using Lpu.Model.Numerics;

namespace Lpu.Model.Tests.Numerics;

public class VxmElementIntegerTests
{
    private static uint I8(int v) => (byte)(sbyte)v;
    private static uint I16(int v) => (ushort)(short)v;
    private static uint I32(int v) => (uint)v;

    [Theory]
    [InlineData(100, 27, 127)]
    [InlineData(100, 28, 127)]
    [InlineData(-100, -28, -128)]
    [InlineData(-100, -29, -128)]
    [InlineData(5, -7, -2)]
    public void I8_add_saturates(int a, int b, int expected) =>
        Assert.Equal(I8(expected), VxmElement.Apply(VxmOp.Add, ElementType.I8, I8(a), I8(b)));

    [Fact]
    public void I8_binary_ops_exhaustively_match_clamped_integer_math()
    {
        for (var a = -128; a < 128; a++)
        {
            for (var b = -128; b < 128; b++)
            {
                Assert.Equal(I8(Math.Clamp(a + b, -128, 127)), VxmElement.Apply(VxmOp.Add, ElementType.I8, I8(a), I8(b)));
                Assert.Equal(I8(Math.Clamp(a - b, -128, 127)), VxmElement.Apply(VxmOp.Sub, ElementType.I8, I8(a), I8(b)));
                Assert.Equal(I8(Math.Clamp(a * b, -128, 127)), VxmElement.Apply(VxmOp.Mul, ElementType.I8, I8(a), I8(b)));
                Assert.Equal(I8(a < b ? a : b), VxmElement.Apply(VxmOp.Min, ElementType.I8, I8(a), I8(b)));
                Assert.Equal(I8(a > b ? a : b), VxmElement.Apply(VxmOp.Max, ElementType.I8, I8(a), I8(b)));
                Assert.Equal(I8(a & b), VxmElement.Apply(VxmOp.And, ElementType.I8, I8(a), I8(b)));
                Assert.Equal(I8(a | b), VxmElement.Apply(VxmOp.Or, ElementType.I8, I8(a), I8(b)));
                Assert.Equal(I8(a ^ b), VxmElement.Apply(VxmOp.Xor, ElementType.I8, I8(a), I8(b)));
            }
        }
    }

    [Fact]
    public void Unary_integer_ops_saturate_at_the_minimum()
    {
        Assert.Equal(I8(127), VxmElement.Apply(VxmOp.Neg, ElementType.I8, I8(-128), 0));
        Assert.Equal(I8(127), VxmElement.Apply(VxmOp.Abs, ElementType.I8, I8(-128), 0));
        Assert.Equal(I16(32767), VxmElement.Apply(VxmOp.Neg, ElementType.I16, I16(-32768), 0));
        Assert.Equal(I32(int.MaxValue), VxmElement.Apply(VxmOp.Abs, ElementType.I32, I32(int.MinValue), 0));
        Assert.Equal(I32(-5), VxmElement.Apply(VxmOp.Neg, ElementType.I32, I32(5), 0));
        Assert.Equal(I8(0), VxmElement.Apply(VxmOp.Relu, ElementType.I8, I8(-3), 0));
        Assert.Equal(I8(3), VxmElement.Apply(VxmOp.Relu, ElementType.I8, I8(3), 0));
        Assert.Equal(0x5Au, VxmElement.Apply(VxmOp.Not, ElementType.I8, 0xA5, 0));
        Assert.Equal(0xFF00u, VxmElement.Apply(VxmOp.Not, ElementType.I16, 0x00FF, 0));
        Assert.Equal(0x1234u, VxmElement.Apply(VxmOp.Mov, ElementType.I16, 0x1234, 0));
    }

    [Fact]
    public void Wide_integer_ops_saturate()
    {
        Assert.Equal(I16(32767), VxmElement.Apply(VxmOp.Mul, ElementType.I16, I16(300), I16(300)));
        Assert.Equal(I16(-32768), VxmElement.Apply(VxmOp.Sub, ElementType.I16, I16(-30000), I16(10000)));
        Assert.Equal(I32(int.MaxValue), VxmElement.Apply(VxmOp.Add, ElementType.I32, I32(2_000_000_000), I32(2_000_000_000)));
        Assert.Equal(I32(int.MinValue), VxmElement.Apply(VxmOp.Mul, ElementType.I32, I32(65536), I32(-65536)));
        Assert.Equal(I32(-600_000), VxmElement.Apply(VxmOp.Mul, ElementType.I32, I32(-600), I32(1000)));
        Assert.Equal(I32(-7), VxmElement.Apply(VxmOp.Min, ElementType.I32, I32(-7), I32(3)));
    }

    [Theory]
    [InlineData(ElementType.I8, ElementType.I32, 0x80u, 0xFFFF_FF80u)]
    [InlineData(ElementType.I8, ElementType.I16, 0x7Fu, 0x007Fu)]
    [InlineData(ElementType.I16, ElementType.I8, 0x0100u, 0x7Fu)]
    [InlineData(ElementType.I16, ElementType.I8, 0xFF00u, 0x80u)]
    [InlineData(ElementType.I16, ElementType.I8, 0xFFFEu, 0xFEu)]
    [InlineData(ElementType.I32, ElementType.I16, 0x0001_0000u, 0x7FFFu)]
    [InlineData(ElementType.I32, ElementType.I16, 0xFFFF_8000u, 0x8000u)]
    [InlineData(ElementType.I16, ElementType.I32, 0x8000u, 0xFFFF_8000u)]
    public void Integer_conversions_sign_extend_or_saturate(ElementType from, ElementType to, uint a, uint expected) =>
        Assert.Equal(expected, VxmElement.Convert(from, to, a));

    [Theory]
    [InlineData(100, 3, 0, 127)]      // 300 clamps
    [InlineData(-100, 1, 0, -100)]
    [InlineData(5, 1, 1, 3)]          // (5 + 1) >> 1 = 3: tie 2.5 rounds up
    [InlineData(-5, 1, 1, -2)]        // (-5 + 1) >> 1 = -2: tie -2.5 rounds towards +inf
    [InlineData(-7, 1, 2, -2)]        // (-7 + 2) >> 2 = -5 >> 2 = -2 (-1.75)
    [InlineData(1000, 100, 10, 98)]   // 100000 / 1024 = 97.66
    [InlineData(1000, -100, 10, -98)] // (-100000 + 512) >> 10 = -97.15.. floor = -98
    [InlineData(int.MaxValue, short.MinValue, 63, 0)] // p = -(2^31-1) x 2^15; p + 2^62 > 0, >> 63 = 0
    [InlineData(int.MinValue, short.MinValue, 0, 127)]
    public void Requant_rounds_ties_up_and_clamps(int a, int scale, int shift, int expected) =>
        Assert.Equal((byte)(sbyte)expected, VxmElement.Requant(a, (short)scale, shift));

    [Fact]
    public void Transcendental_tables_match_hand_values()
    {
        // tanh(1) x 128 = 97.48; tanh(-1) x 128 = -97.48; tanh(7.9375) x 128 = 127.99.. -> 128 -> 127.
        Assert.Equal(97, I8Tables.Tanh[16]);
        Assert.Equal(-97, I8Tables.Tanh[0xF0]);
        Assert.Equal(127, I8Tables.Tanh[127]);
        Assert.Equal(-128, I8Tables.Tanh[0x80]);
        Assert.Equal(0, I8Tables.Tanh[0]);
        // exp(0) x 32 = 32; exp(1) x 32 = 86.98; exp(-1) x 32 = 11.77; exp(2) x 32 = 236 -> 127.
        Assert.Equal(32, I8Tables.Exp[0]);
        Assert.Equal(87, I8Tables.Exp[16]);
        Assert.Equal(12, I8Tables.Exp[0xF0]);
        Assert.Equal(127, I8Tables.Exp[32]);
        Assert.Equal(0, I8Tables.Exp[0x80]); // exp(-8) x 32 = 0.0107
        // rsqrt: x=1: 16/0.25 = 64; x=4: 32; x=16: 16; x=64: 8; x=0 or negative: 127.
        Assert.Equal(64, I8Tables.Rsqrt[1]);
        Assert.Equal(32, I8Tables.Rsqrt[4]);
        Assert.Equal(16, I8Tables.Rsqrt[16]);
        Assert.Equal(8, I8Tables.Rsqrt[64]);
        Assert.Equal(127, I8Tables.Rsqrt[0]);
        Assert.Equal(127, I8Tables.Rsqrt[0xFF]);
        Assert.Equal((uint)(byte)I8Tables.Tanh[16], VxmElement.Apply(VxmOp.Tanh, ElementType.I8, 16, 0));
    }

    [Fact]
    public void Transcendentals_on_other_types_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => VxmElement.Apply(VxmOp.Tanh, ElementType.I16, 1, 0));
        Assert.Contains("tanh.i16", e.Message);
        Assert.Throws<ArgumentException>(() => VxmElement.Apply(VxmOp.And, ElementType.F32, 1, 0));
    }
}
