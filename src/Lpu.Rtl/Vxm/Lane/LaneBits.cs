using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>Small combinational building blocks shared by the lane's generators (no module of their own).</summary>
internal static class LaneBits
{
    /// <summary>Clamps the signed <paramref name="value"/> to the range of a signed <paramref name="width"/>-bit
    /// integer and returns those bits unsigned.</summary>
    public static Expr Saturate(Expr value, int width)
    {
        var max = (System.Numerics.BigInteger.One << (width - 1)) - 1;
        var min = -(System.Numerics.BigInteger.One << (width - 1));
        if (value.Width <= width)
            return value.SignExtend(width).AsUnsigned();
        return Hw.Mux(value > max, Hw.Const(max, width),
            Hw.Mux(value < min, Hw.Const(min + (System.Numerics.BigInteger.One << width), width), value.Truncate(width).AsUnsigned()));
    }

    /// <summary>Zero-extends unsigned bits to the 32-bit result.</summary>
    public static Expr ToWord(Expr bits) => bits.Width == 32 ? bits.AsUnsigned() : bits.AsUnsigned().ZeroExtend(32);

    /// <summary>Number of leading zeros of <paramref name="value"/> (equal to its width when it is zero), as a
    /// priority chain from the least significant bit up so the most significant one wins.</summary>
    public static Expr LeadingZeros(Expr value, int countWidth)
    {
        var n = value.Width;
        Expr count = Hw.Const(n, countWidth);
        for (var bit = 0; bit < n; bit++)
            count = Hw.Mux(value[bit], Hw.Const(n - 1 - bit, countWidth), count);
        return count;
    }

    /// <summary>Bits needed to hold values 0..<paramref name="max"/>.</summary>
    public static int BitsFor(int max)
    {
        var bits = 1;
        while ((1 << bits) <= max)
            bits++;
        return bits;
    }
}
