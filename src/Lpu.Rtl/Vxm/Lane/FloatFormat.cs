namespace Lpu.Rtl.Vxm.Lane;

/// <summary>An IEEE 754 binary format: exponent and fraction widths, and the VXM's canonical NaN.</summary>
internal sealed record FloatFormat(int ExponentBits, int FractionBits, long CanonicalNaN)
{
    /// <summary>binary16.</summary>
    public static FloatFormat F16 { get; } = new(5, 10, 0x7E00);

    /// <summary>binary32.</summary>
    public static FloatFormat F32 { get; } = new(8, 23, 0x7FC0_0000);

    /// <summary>Total width.</summary>
    public int Width => 1 + ExponentBits + FractionBits;

    /// <summary>Exponent bias.</summary>
    public int Bias => (1 << (ExponentBits - 1)) - 1;

    /// <summary>The all-ones exponent (infinities and NaNs).</summary>
    public int MaxExponent => (1 << ExponentBits) - 1;
}
