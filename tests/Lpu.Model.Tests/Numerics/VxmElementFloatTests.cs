using Lpu.Architecture.Isa;
using Lpu.Model.Numerics;

namespace Lpu.Model.Tests.Numerics;

public class VxmElementFloatTests
{
    private static uint F(float v) => BitConverter.SingleToUInt32Bits(v);
    private static uint H(double v) => BitConverter.HalfToUInt16Bits((Half)v);

    private const uint MinSubnormalF32 = 0x0000_0001;
    private const uint NegSubnormalF32 = 0x8040_0000;

    [Fact]
    public void F32_arithmetic_rounds_to_nearest_even()
    {
        Assert.Equal(F(3.5f), VxmElement.Apply(VxmOp.Add, ElementType.F32, F(1.25f), F(2.25f)));
        // 1 + 2^-24 is a tie between 1 and 1 + 2^-23: even is 1.
        Assert.Equal(F(1f), VxmElement.Apply(VxmOp.Add, ElementType.F32, F(1f), F(MathF.ScaleB(1, -24))));
        // 1 + 3 x 2^-24 ties between 1 + 2^-23 and 1 + 2^-22: even is 1 + 2^-22.
        Assert.Equal(F(1f + MathF.ScaleB(1, -22)), VxmElement.Apply(VxmOp.Add, ElementType.F32, F(1f + MathF.ScaleB(1, -23)), F(MathF.ScaleB(1, -24))));
        Assert.Equal(F(-6f), VxmElement.Apply(VxmOp.Mul, ElementType.F32, F(2f), F(-3f)));
        Assert.Equal(F(float.PositiveInfinity), VxmElement.Apply(VxmOp.Mul, ElementType.F32, F(3e38f), F(10f)));
    }

    [Fact]
    public void F32_products_match_a_double_product_rounded_once()
    {
        var random = new Random(7);
        for (var i = 0; i < 100_000; i++)
        {
            var a = (uint)random.Next() << 1 ^ (uint)random.Next(2);
            var b = (uint)random.Next() << 1 ^ (uint)random.Next(2);
            var x = BitConverter.UInt32BitsToSingle(a);
            var y = BitConverter.UInt32BitsToSingle(b);
            if (float.IsSubnormal(x) || float.IsSubnormal(y))
                continue;
            var exact = (double)x * y; // exact: 24 x 24 bits fit in 53
            var expected = (float)exact;
            uint expectedBits = float.IsNaN(expected) ? 0x7FC0_0000u : float.IsSubnormal(expected) ? F(expected) & 0x8000_0000 : F(expected);
            Assert.Equal(expectedBits, VxmElement.Apply(VxmOp.Mul, ElementType.F32, a, b));
        }
    }

    [Fact]
    public void F32_subnormals_flush_on_input_and_output()
    {
        Assert.Equal(F(1f), VxmElement.Apply(VxmOp.Add, ElementType.F32, F(1f), MinSubnormalF32));
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Add, ElementType.F32, MinSubnormalF32, MinSubnormalF32));
        // -subnormal + -0: both read as -0, the sum is -0.
        Assert.Equal(0x8000_0000u, VxmElement.Apply(VxmOp.Add, ElementType.F32, NegSubnormalF32, 0x8000_0000));
        // 2^-100 x -2^-30 = -2^-130: subnormal, flushed to -0.
        Assert.Equal(0x8000_0000u, VxmElement.Apply(VxmOp.Mul, ElementType.F32, F(MathF.ScaleB(1, -100)), F(-MathF.ScaleB(1, -30))));
        // 1.5 x 2^-126 - 2^-126 = 2^-127: exact subnormal, flushed to +0.
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Sub, ElementType.F32, F(1.5f * MathF.ScaleB(1, -126)), F(MathF.ScaleB(1, -126))));
    }

    [Fact]
    public void F32_nan_results_are_canonical()
    {
        const uint signallingNaN = 0x7F80_0001;
        const uint negativeNaN = 0xFFC1_2345;
        Assert.Equal(0x7FC0_0000u, VxmElement.Apply(VxmOp.Add, ElementType.F32, signallingNaN, F(1f)));
        Assert.Equal(0x7FC0_0000u, VxmElement.Apply(VxmOp.Mul, ElementType.F32, F(0f), F(float.PositiveInfinity)));
        Assert.Equal(0x7FC0_0000u, VxmElement.Apply(VxmOp.Sub, ElementType.F32, F(float.PositiveInfinity), F(float.PositiveInfinity)));
        Assert.Equal(0x7FC0_0000u, VxmElement.Apply(VxmOp.Min, ElementType.F32, F(1f), negativeNaN));
        Assert.Equal(0x7FC0_0000u, VxmElement.Apply(VxmOp.Max, ElementType.F32, negativeNaN, F(1f)));
        Assert.Equal(0x7FC0_0000u, VxmElement.Apply(VxmOp.Relu, ElementType.F32, negativeNaN, 0));
    }

    [Fact]
    public void F32_mov_neg_abs_are_bit_operations()
    {
        const uint nan = 0xFFC1_2345;
        Assert.Equal(nan, VxmElement.Apply(VxmOp.Mov, ElementType.F32, nan, 0));
        Assert.Equal(0x7FC1_2345u, VxmElement.Apply(VxmOp.Abs, ElementType.F32, nan, 0));
        Assert.Equal(0x8000_0001u, VxmElement.Apply(VxmOp.Neg, ElementType.F32, MinSubnormalF32, 0));
        Assert.Equal(0x8000_0000u, VxmElement.Apply(VxmOp.Neg, ElementType.F32, 0, 0));
    }

    [Fact]
    public void Min_and_max_order_negative_zero_below_positive_zero()
    {
        const uint negZero = 0x8000_0000;
        Assert.Equal(negZero, VxmElement.Apply(VxmOp.Min, ElementType.F32, 0, negZero));
        Assert.Equal(negZero, VxmElement.Apply(VxmOp.Min, ElementType.F32, negZero, 0));
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Max, ElementType.F32, negZero, 0));
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Max, ElementType.F32, 0, negZero));
        Assert.Equal(0x8000u, VxmElement.Apply(VxmOp.Min, ElementType.F16, 0, 0x8000));
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Max, ElementType.F16, 0x8000, 0));
        Assert.Equal(F(-2f), VxmElement.Apply(VxmOp.Min, ElementType.F32, F(3f), F(-2f)));
        Assert.Equal(F(3f), VxmElement.Apply(VxmOp.Max, ElementType.F32, F(3f), F(-2f)));
        // a subnormal reads as zero: max(+sub, -0) = +0
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Max, ElementType.F32, MinSubnormalF32, negZero));
    }

    [Fact]
    public void Relu_gives_positive_zero_for_negatives_and_negative_zero()
    {
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Relu, ElementType.F32, F(-3f), 0));
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Relu, ElementType.F32, 0x8000_0000, 0));
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Relu, ElementType.F32, F(float.NegativeInfinity), 0));
        Assert.Equal(F(2.5f), VxmElement.Apply(VxmOp.Relu, ElementType.F32, F(2.5f), 0));
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Relu, ElementType.F16, 0x8000, 0));
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Relu, ElementType.F16, H(-1.5), 0));
        Assert.Equal(H(1.5), VxmElement.Apply(VxmOp.Relu, ElementType.F16, H(1.5), 0));
    }

    [Fact]
    public void F16_arithmetic_matches_system_half_with_ftz()
    {
        // System.Half rounds a double correctly; f16 sums and products are exact in a double.
        var random = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var a = (ushort)random.Next(65536);
            var b = (ushort)random.Next(65536);
            var x = ReadFtz(a);
            var y = ReadFtz(b);
            Assert.Equal(ExpectedHalf(x + y), VxmElement.Apply(VxmOp.Add, ElementType.F16, a, b));
            Assert.Equal(ExpectedHalf(x - y), VxmElement.Apply(VxmOp.Sub, ElementType.F16, a, b));
            Assert.Equal(ExpectedHalf(x * y), VxmElement.Apply(VxmOp.Mul, ElementType.F16, a, b));
        }
    }

    [Fact]
    public void F16_hand_cases()
    {
        Assert.Equal(H(3.0), VxmElement.Apply(VxmOp.Add, ElementType.F16, H(1.0), H(2.0)));
        // 2048 + 1 ties between 2048 and 2050: even mantissa is 2048.
        Assert.Equal(H(2048), VxmElement.Apply(VxmOp.Add, ElementType.F16, H(2048), H(1)));
        // 2050 + 1 ties between 2050 and 2052: 2052 is even.
        Assert.Equal(H(2052), VxmElement.Apply(VxmOp.Add, ElementType.F16, H(2050), H(1)));
        // 65504 + 16 = 65520: exactly halfway to 65536, rounds to even = infinity.
        Assert.Equal(0x7C00u, VxmElement.Apply(VxmOp.Add, ElementType.F16, H(65504), H(16)));
        Assert.Equal(H(65504), VxmElement.Apply(VxmOp.Add, ElementType.F16, H(65504), H(8)));
        // 2^-14 x 0.5 = 2^-15: subnormal, flushed.
        Assert.Equal(0u, VxmElement.Apply(VxmOp.Mul, ElementType.F16, 0x0400, H(0.5)));
        Assert.Equal(0x8000u, VxmElement.Apply(VxmOp.Mul, ElementType.F16, 0x0400, H(-0.5)));
        // subnormal input 0x0001 reads as 0
        Assert.Equal(H(1.0), VxmElement.Apply(VxmOp.Add, ElementType.F16, H(1.0), 0x0001));
        Assert.Equal(0x7E00u, VxmElement.Apply(VxmOp.Mul, ElementType.F16, 0x7C00, 0));
        Assert.Equal(0x7E00u, VxmElement.Apply(VxmOp.Add, ElementType.F16, 0x7D00, H(1.0)));
    }

    [Fact]
    public void Float_conversions()
    {
        // i32 -> f32 rounds to nearest even: 2^24 + 1 ties to 2^24, 2^24 + 3 ties to 2^24 + 4.
        Assert.Equal(F(16777216f), VxmElement.Convert(ElementType.I32, ElementType.F32, 16777217));
        Assert.Equal(F(16777220f), VxmElement.Convert(ElementType.I32, ElementType.F32, 16777219));
        Assert.Equal(F(-5f), VxmElement.Convert(ElementType.I32, ElementType.F32, unchecked((uint)-5)));
        // f32 -> i32: nearest even, saturating, NaN -> 0.
        Assert.Equal(2u, VxmElement.Convert(ElementType.F32, ElementType.I32, F(2.5f)));
        Assert.Equal(4u, VxmElement.Convert(ElementType.F32, ElementType.I32, F(3.5f)));
        Assert.Equal(unchecked((uint)-2), VxmElement.Convert(ElementType.F32, ElementType.I32, F(-2.5f)));
        Assert.Equal((uint)int.MaxValue, VxmElement.Convert(ElementType.F32, ElementType.I32, F(3e9f)));
        Assert.Equal(unchecked((uint)int.MinValue), VxmElement.Convert(ElementType.F32, ElementType.I32, F(float.NegativeInfinity)));
        Assert.Equal(0u, VxmElement.Convert(ElementType.F32, ElementType.I32, 0x7FC0_0000));
        // f32 -> f16: 1 + 2^-11 ties to 1; 1 + 3 x 2^-11 ties up to 1 + 2^-9; 70000 overflows.
        Assert.Equal(H(1.0), VxmElement.Convert(ElementType.F32, ElementType.F16, F(1f + MathF.ScaleB(1, -11))));
        Assert.Equal(H(1.0 + Math.ScaleB(1, -9)), VxmElement.Convert(ElementType.F32, ElementType.F16, F(1f + 3 * MathF.ScaleB(1, -11))));
        Assert.Equal(0x7C00u, VxmElement.Convert(ElementType.F32, ElementType.F16, F(70000f)));
        Assert.Equal(0x8000u, VxmElement.Convert(ElementType.F32, ElementType.F16, F(-1e-6f))); // f16-subnormal range
        Assert.Equal(0x7E00u, VxmElement.Convert(ElementType.F32, ElementType.F16, 0xFF80_0001));
        // f16 -> f32: exact; subnormal input flushed; NaN canonical.
        Assert.Equal(F(-1.5f), VxmElement.Convert(ElementType.F16, ElementType.F32, H(-1.5)));
        Assert.Equal(F(65504f), VxmElement.Convert(ElementType.F16, ElementType.F32, 0x7BFF));
        Assert.Equal(0x8000_0000u, VxmElement.Convert(ElementType.F16, ElementType.F32, 0x8001));
        Assert.Equal(0x7FC0_0000u, VxmElement.Convert(ElementType.F16, ElementType.F32, 0xFE01));
        Assert.Throws<ArgumentException>(() => VxmElement.Convert(ElementType.I8, ElementType.F32, 1));
    }

    [Fact]
    public void F32_to_f16_matches_system_half()
    {
        var random = new Random(3);
        for (var i = 0; i < 200_000; i++)
        {
            // Focus on the f16 range: exponents around [-30, 20].
            var value = (float)((random.NextDouble() * 2 - 1) * Math.ScaleB(1, random.Next(-30, 20)));
            var bits = F(value);
            Assert.Equal(ExpectedHalf(value), VxmElement.Convert(ElementType.F32, ElementType.F16, bits));
        }
    }

    private static double ReadFtz(ushort bits)
    {
        var h = BitConverter.UInt16BitsToHalf(bits);
        return Half.IsSubnormal(h) ? (Half.IsNegative(h) ? -0.0 : 0.0) : (double)h;
    }

    private static uint ExpectedHalf(double exact)
    {
        if (double.IsNaN(exact))
            return 0x7E00;
        var h = (Half)exact;
        var bits = BitConverter.HalfToUInt16Bits(h);
        return Half.IsSubnormal(h) ? (uint)(bits & 0x8000) : bits;
    }
}
