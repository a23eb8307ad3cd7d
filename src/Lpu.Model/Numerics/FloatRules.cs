namespace Lpu.Model.Numerics;

/// <summary>
/// The VXM's float rules (architecture.md §6) on raw bit patterns: subnormal inputs read as zero of
/// the same sign, one rounding to nearest even, subnormal results flushed to zero of the same sign,
/// every NaN result the canonical quiet NaN (f32 0x7FC00000, f16 0x7E00).
/// </summary>
public static class FloatRules
{
    /// <summary>The canonical f32 quiet NaN.</summary>
    public const uint F32NaN = 0x7FC0_0000;

    /// <summary>The canonical f16 quiet NaN.</summary>
    public const ushort F16NaN = 0x7E00;

    /// <summary>Reads f32 bits with FTZ: a subnormal becomes a zero of the same sign.</summary>
    public static float ReadF32(uint bits) =>
        (bits & 0x7F80_0000) == 0 ? BitConverter.UInt32BitsToSingle(bits & 0x8000_0000) : BitConverter.UInt32BitsToSingle(bits);

    /// <summary>Writes an f32 result: NaN becomes canonical, a subnormal a zero of the same sign.</summary>
    public static uint WriteF32(float value)
    {
        if (float.IsNaN(value))
            return F32NaN;
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x7F80_0000) == 0 ? bits & 0x8000_0000 : bits;
    }

    /// <summary>Reads f16 bits exactly as a double with FTZ (a subnormal becomes a signed zero).</summary>
    public static double ReadF16(ushort bits)
    {
        var negative = (bits & 0x8000) != 0;
        var exponent = bits >> 10 & 0x1F;
        var mantissa = bits & 0x3FF;
        double magnitude;
        if (exponent == 0)
            magnitude = 0;
        else if (exponent == 0x1F)
            magnitude = mantissa == 0 ? double.PositiveInfinity : double.NaN;
        else
            magnitude = Math.ScaleB(1024 + mantissa, exponent - 25);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>
    /// Rounds a double once to f16 (nearest even, overflow to infinity) and flushes a subnormal
    /// result to a zero of the same sign; NaN gives the canonical f16 NaN.
    /// </summary>
    public static ushort WriteF16(double value)
    {
        if (double.IsNaN(value))
            return F16NaN;
        var sign = double.IsNegative(value) ? (ushort)0x8000 : (ushort)0;
        var magnitude = Math.Abs(value);
        if (double.IsInfinity(magnitude))
            return (ushort)(sign | 0x7C00);
        if (magnitude == 0)
            return sign;
        // Quantum of the f16 grid at this magnitude: 11 significant bits, subnormal spacing 2^-24.
        var exponent = Math.Max(Math.ILogB(magnitude), -14);
        var quantum = Math.ScaleB(1.0, exponent - 10);
        var rounded = Math.Round(magnitude / quantum, MidpointRounding.ToEven) * quantum;
        if (rounded >= 65536)
            return (ushort)(sign | 0x7C00);
        if (rounded < Math.ScaleB(1.0, -14))
            return sign; // zero or subnormal: flushed
        // rounded is now exactly an f16 normal number: assemble its bits.
        var e = Math.ILogB(rounded);
        var m = (int)(Math.ScaleB(rounded, 10 - e) - 1024);
        return (ushort)(sign | (e + 15) << 10 | m);
    }

    /// <summary>Rounds a double to f32 once (nearest even) and applies the f32 output rules.</summary>
    public static uint WriteF32(double value) => WriteF32((float)value);

    /// <summary>IEEE minimum or maximum under the VXM rules: canonical NaN if either is NaN, -0 &lt; +0.</summary>
    public static double MinMax(double a, double b, bool max, out bool isNaN)
    {
        isNaN = double.IsNaN(a) || double.IsNaN(b);
        if (isNaN)
            return double.NaN;
        if (a == b)
        {
            // Only signed zeros compare equal with different bits; pick by sign.
            var aNegative = double.IsNegative(a);
            return max ? (aNegative ? b : a) : (aNegative ? a : b);
        }

        return (a < b) ^ max ? a : b;
    }
}
