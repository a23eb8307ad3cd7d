using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// The float conversions of <c>cvt</c> (architecture.md §6): i32→f32 and f32→f16 round to nearest
/// even (f16 with FTZ), f32→i32 rounds to nearest even and saturates (NaN gives 0), f16→f32 is exact.
/// Inputs are 32-bit words; results are 32-bit words with the bytes past the type zero.
/// </summary>
internal static class FloatConversions
{
    private static readonly FloatFormat F16 = FloatFormat.F16;
    private static readonly FloatFormat F32 = FloatFormat.F32;

    /// <summary>cvt.i32.f32.</summary>
    public static Expr I32ToF32(Expr a)
    {
        var sign = a[31];
        var magnitude = Hw.Mux(sign, (-a.AsSigned()).Truncate(32).AsUnsigned(), a.AsUnsigned());
        var leading = LaneBits.LeadingZeros(magnitude, 6);
        var normal = magnitude << leading;
        var up = FloatFields.RoundUp(normal[8], normal[7], normal[6, 0].ReduceOr());
        // The leading one is bit 31 - leading: biased exponent 127 + 31 - leading.
        var exponent = (Hw.Const(158, 8) - leading.ZeroExtend(8)).Truncate(8);
        var rounded = (Hw.Concat(exponent, normal[30, 8]) + up.ZeroExtend(31)).Truncate(31);
        return Hw.Mux(a.Eq(0), Hw.Const(0, 32), Hw.Concat(sign, rounded));
    }

    /// <summary>cvt.f32.i32.</summary>
    public static Expr F32ToI32(Expr a)
    {
        var sign = FloatFields.Sign(a, F32);
        var exponent = FloatFields.Exponent(a, F32);
        // Exponents 126..157 hold magnitudes in [0.5, 2^31): place the significand so that bits
        // [54:24] are the integer part and bit 23 the half.
        var distance = (exponent - 126).Truncate(5);
        var placed = Hw.Concat(Hw.Const(1, 1), FloatFields.Fraction(a, F32)).ZeroExtend(56) << distance;
        var up = FloatFields.RoundUp(placed[24], placed[23], placed[22, 0].ReduceOr());
        var magnitude = (placed[54, 24].ZeroExtend(32) + up.ZeroExtend(32)).Truncate(32);
        var negated = (Hw.Const(0, 32) - magnitude).Truncate(32);
        // Only +2^31 is out of range after rounding; -2^31 is representable.
        var inRange = Hw.Mux(sign, negated, Hw.Mux(magnitude[31], Hw.Const(0x7FFF_FFFF, 32), magnitude));
        var saturated = Hw.Mux(sign, Hw.Const(0x8000_0000, 32), Hw.Const(0x7FFF_FFFF, 32));

        var result = Hw.Mux(exponent >= 158, saturated, inRange);
        result = Hw.Mux(exponent < 126, Hw.Const(0, 32), result);
        return Hw.Mux(FloatFields.IsNaN(a, F32), Hw.Const(0, 32), result);
    }

    /// <summary>cvt.f16.f32.</summary>
    public static Expr F16ToF32(Expr a)
    {
        var x = a[15, 0];
        var sign = FloatFields.Sign(x, F16);
        var exponent = (FloatFields.Exponent(x, F16).ZeroExtend(8) + (F32.Bias - F16.Bias)).Truncate(8);
        var result = Hw.Concat(sign, exponent, FloatFields.Fraction(x, F16), Hw.Const(0, 13));
        result = Hw.Mux(FloatFields.IsZero(x, F16), FloatFields.Zero(sign, F32), result);
        result = Hw.Mux(FloatFields.IsInf(x, F16), FloatFields.Infinity(sign, F32), result);
        return Hw.Mux(FloatFields.IsNaN(x, F16), FloatFields.NaN(F32), result);
    }

    /// <summary>cvt.f32.f16.</summary>
    public static Expr F32ToF16(Expr a)
    {
        var sign = FloatFields.Sign(a, F32);
        var exponent = FloatFields.Exponent(a, F32);
        var fraction = FloatFields.Fraction(a, F32);
        var rebias = F32.Bias - F16.Bias;
        var up = FloatFields.RoundUp(fraction[13], fraction[12], fraction[11, 0].ReduceOr());
        var narrowed = (exponent - rebias).Truncate(6);
        var rounded = (Hw.Concat(narrowed, fraction[22, 13]) + up.ZeroExtend(16)).Truncate(16);
        var finite = Hw.Mux(rounded[15, 10] >= F16.MaxExponent, FloatFields.Infinity(sign, F16), Hw.Concat(sign, rounded[14, 0]));
        // Biased f16 exponent 0: the subnormal rounding reaches the smallest normal only from all ones.
        var toMinNormal = exponent.Eq(rebias) & fraction[22, 13].ReduceAnd();
        var tiny = Hw.Mux(toMinNormal, FloatFields.MinNormal(sign, F16), FloatFields.Zero(sign, F16));

        var result = Hw.Mux(exponent >= rebias + F16.MaxExponent, FloatFields.Infinity(sign, F16), finite);
        result = Hw.Mux(exponent <= rebias, tiny, result);
        result = Hw.Mux(FloatFields.IsInf(a, F32), FloatFields.Infinity(sign, F16), result);
        result = Hw.Mux(FloatFields.IsNaN(a, F32), FloatFields.NaN(F16), result);
        return LaneBits.ToWord(result);
    }
}
