using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// <c>requant</c> (architecture.md §6): the exact 48-bit product of the i32 operand and the signed
/// 16-bit scale, plus 2^(shift-1) when shift &gt; 0, shifted right arithmetically, clamped to i8.
/// </summary>
internal static class Requant
{
    /// <summary>The i8 result in the low byte of a 32-bit word.</summary>
    public static Expr Create(Expr a, Expr scale, Expr shift)
    {
        var product = (a.AsSigned() * scale.AsSigned()).SignExtend(64);
        // (1 << shift) >> 1 is 2^(shift-1) for shift > 0 and 0 for shift = 0; |product| < 2^47 so the
        // 64-bit sum cannot overflow.
        var half = (Hw.Const(1, 64) << shift) >> 1;
        var rounded = (product + half.AsSigned()).Truncate(64);
        var shifted = rounded >> shift;
        return LaneBits.ToWord(LaneBits.Saturate(shifted, 8));
    }
}
