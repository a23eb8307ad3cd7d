using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>Field extraction and classification of a float operand (unsigned, the format's width).</summary>
internal static class FloatFields
{
    public static Expr Sign(Expr x, FloatFormat f) => x[f.Width - 1];

    public static Expr Exponent(Expr x, FloatFormat f) => x[f.Width - 2, f.FractionBits];

    public static Expr Fraction(Expr x, FloatFormat f) => x[f.FractionBits - 1, 0];

    /// <summary>Zero or subnormal: read as a zero of the same sign (FTZ).</summary>
    public static Expr IsZero(Expr x, FloatFormat f) => Exponent(x, f).Eq(0);

    public static Expr IsInf(Expr x, FloatFormat f) => Exponent(x, f).Eq(f.MaxExponent) & Fraction(x, f).Eq(0);

    public static Expr IsNaN(Expr x, FloatFormat f) => Exponent(x, f).Eq(f.MaxExponent) & Fraction(x, f).Ne(0);

    /// <summary>The operand with a subnormal replaced by a zero of the same sign.</summary>
    public static Expr FlushToZero(Expr x, FloatFormat f) => Hw.Mux(IsZero(x, f), Zero(Sign(x, f), f), x);

    public static Expr NaN(FloatFormat f) => Hw.Const(f.CanonicalNaN, f.Width);

    public static Expr Zero(Expr sign, FloatFormat f) => Hw.Concat(sign, Hw.Const(0, f.Width - 1));

    public static Expr Infinity(Expr sign, FloatFormat f) =>
        Hw.Concat(sign, Hw.Const(f.MaxExponent, f.ExponentBits), Hw.Const(0, f.FractionBits));

    /// <summary>The smallest normal number with the given sign.</summary>
    public static Expr MinNormal(Expr sign, FloatFormat f) =>
        Hw.Concat(sign, Hw.Const(1, f.ExponentBits), Hw.Const(0, f.FractionBits));

    /// <summary>Round to nearest even: round up when the guard bit is set and the sticky or the kept
    /// least significant bit is.</summary>
    public static Expr RoundUp(Expr lsb, Expr guard, Expr sticky) => guard & (sticky | lsb);
}
