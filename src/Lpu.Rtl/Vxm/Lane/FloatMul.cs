using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// Float multiplication for any <see cref="FloatFormat"/> (used for f16 and f32): FTZ inputs, the
/// exact (m+1)x(m+1)-bit significand product rounded once to nearest even, overflow to infinity,
/// canonical NaN. Below the normal range the product is rounded as a subnormal and flushed, so only a
/// product that rounds up to the smallest normal survives.
/// </summary>
internal static class FloatMul
{
    /// <summary>a x b; operands and result are the format's width.</summary>
    public static Expr Create(Expr a, Expr b, FloatFormat f)
    {
        int e = f.ExponentBits, m = f.FractionBits;
        var sign = FloatFields.Sign(a, f) ^ FloatFields.Sign(b, f);
        var product = Hw.Concat(Hw.Const(1, 1), FloatFields.Fraction(a, f)) * Hw.Concat(Hw.Const(1, 1), FloatFields.Fraction(b, f));
        var top = product[(2 * m) + 1];
        var normal = Hw.Mux(top, product, product << 1);
        var up = FloatFields.RoundUp(normal[m + 1], normal[m], normal[m - 1, 0].ReduceOr());

        // expA + expB + top is the biased exponent plus the bias; e + 2 bits hold it.
        var exponentSum = (FloatFields.Exponent(a, f).ZeroExtend(e + 2) + FloatFields.Exponent(b, f).ZeroExtend(e + 2)).Truncate(e + 2);
        exponentSum = (exponentSum + top.ZeroExtend(e + 2)).Truncate(e + 2);
        var underflow = exponentSum <= f.Bias;
        // Biased exponent 0: the subnormal rounding reaches the smallest normal only from all ones.
        var toMinNormal = exponentSum.Eq(f.Bias) & normal[(2 * m) + 1, m + 1].ReduceAnd();
        var exponent = (exponentSum - f.Bias).Truncate(e + 2);
        var rounded = (Hw.Concat(exponent, normal[2 * m, m + 1]) + up.ZeroExtend(e + 2 + m)).Truncate(e + 2 + m);
        var overflow = rounded[e + 1 + m, m] >= f.MaxExponent;
        var finite = Hw.Concat(sign, rounded[e + m - 1, 0]);

        var aZero = FloatFields.IsZero(a, f);
        var bZero = FloatFields.IsZero(b, f);
        var aInf = FloatFields.IsInf(a, f);
        var bInf = FloatFields.IsInf(b, f);
        var nan = FloatFields.IsNaN(a, f) | FloatFields.IsNaN(b, f) | (aInf & bZero) | (bInf & aZero);

        var result = Hw.Mux(overflow, FloatFields.Infinity(sign, f), finite);
        result = Hw.Mux(underflow, Hw.Mux(toMinNormal, FloatFields.MinNormal(sign, f), FloatFields.Zero(sign, f)), result);
        result = Hw.Mux(aZero | bZero, FloatFields.Zero(sign, f), result);
        result = Hw.Mux(aInf | bInf, FloatFields.Infinity(sign, f), result);
        return Hw.Mux(nan, FloatFields.NaN(f), result);
    }
}
