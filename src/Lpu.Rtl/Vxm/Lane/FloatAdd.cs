using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// Float addition/subtraction for any <see cref="FloatFormat"/> (used for f16 and f32): FTZ inputs,
/// the smaller operand aligned with guard, round and sticky bits, one round to nearest even, results
/// below the smallest normal flushed to a signed zero (a sum of normals is exact there, so no
/// rounding can reach the normal range), overflow to infinity, canonical NaN.
/// </summary>
internal static class FloatAdd
{
    /// <summary>a + b, or a - b when <paramref name="subtract"/>; operands and result are the format's width.</summary>
    public static Expr Create(Expr a, Expr b, bool subtract, FloatFormat f)
    {
        int e = f.ExponentBits, m = f.FractionBits;
        var signA = FloatFields.Sign(a, f);
        var signB = subtract ? ~FloatFields.Sign(b, f) : FloatFields.Sign(b, f);
        var expA = FloatFields.Exponent(a, f);
        var expB = FloatFields.Exponent(b, f);

        // Order by magnitude so the difference of significands is never negative.
        var aBig = a[f.Width - 2, 0] >= b[f.Width - 2, 0];
        var expBig = Hw.Mux(aBig, expA, expB);
        var expSmall = Hw.Mux(aBig, expB, expA);
        var signBig = Hw.Mux(aBig, signA, signB);
        var fracBig = Hw.Mux(aBig, FloatFields.Fraction(a, f), FloatFields.Fraction(b, f));
        var fracSmall = Hw.Mux(aBig, FloatFields.Fraction(b, f), FloatFields.Fraction(a, f));
        var subtractMagnitudes = signA ^ signB;

        // Significands with a carry bit on top and guard, round, sticky below: m + 5 bits.
        var width = m + 5;
        var big = Hw.Concat(Hw.Const(0, 1), Hw.Const(1, 1), fracBig, Hw.Const(0, 3));
        var small = Hw.Concat(Hw.Const(1, 1), fracSmall, Hw.Const(0, 3));
        var distance = (expBig - expSmall).Truncate(e);
        var ones = Hw.Const((System.Numerics.BigInteger.One << (m + 4)) - 1, m + 4);
        var lost = (small & ~(ones << distance)).ReduceOr();
        var aligned = Hw.Concat(Hw.Const(0, 1), (small >> distance) | lost.ZeroExtend(m + 4));
        var sum = Hw.Mux(subtractMagnitudes, (big - aligned).Truncate(width), (big + aligned).Truncate(width));

        // Normalise so the leading one is on top (the carry case shifts by 0, its last bit goes to sticky).
        var countWidth = Math.Max(LaneBits.BitsFor(width), 1);
        var leading = LaneBits.LeadingZeros(sum, countWidth);
        var normal = sum << leading;
        var up = FloatFields.RoundUp(normal[4], normal[3], normal[2, 0].ReduceOr());

        // Biased exponent expBig + 1 - leading; at or below zero the exact result is subnormal: flushed.
        var expPlusOne = (expBig.ZeroExtend(e + 1) + 1).Truncate(e + 1);
        var leadingWide = leading.ZeroExtend(Math.Max(e + 1, countWidth));
        var underflow = expPlusOne.ZeroExtend(leadingWide.Width) <= leadingWide;
        var exponent = (expPlusOne - leading.ZeroExtend(e + 1)).Truncate(e + 1);
        var rounded = (Hw.Concat(exponent, normal[m + 3, 4]) + up.ZeroExtend(e + 1 + m)).Truncate(e + 1 + m);
        var overflow = rounded[e + m, m] >= f.MaxExponent;
        var finite = Hw.Concat(signBig, rounded[e + m - 1, 0]);

        var aZero = FloatFields.IsZero(a, f);
        var bZero = FloatFields.IsZero(b, f);
        var aInf = FloatFields.IsInf(a, f);
        var bInf = FloatFields.IsInf(b, f);
        var nan = FloatFields.IsNaN(a, f) | FloatFields.IsNaN(b, f) | (aInf & bInf & subtractMagnitudes);

        var result = Hw.Mux(overflow, FloatFields.Infinity(signBig, f), finite);
        result = Hw.Mux(underflow, FloatFields.Zero(signBig, f), result);
        result = Hw.Mux(sum.Eq(0), Hw.Const(0, f.Width), result); // exact cancellation: +0
        result = Hw.Mux(bZero, Hw.Concat(signA, a[f.Width - 2, 0]), result);
        result = Hw.Mux(aZero, Hw.Concat(signB, b[f.Width - 2, 0]), result);
        result = Hw.Mux(aZero & bZero, FloatFields.Zero(signA & signB, f), result);
        result = Hw.Mux(bInf, FloatFields.Infinity(signB, f), result);
        result = Hw.Mux(aInf, FloatFields.Infinity(signA, f), result);
        return Hw.Mux(nan, FloatFields.NaN(f), result);
    }
}
