using Lpu.Architecture.Isa;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// The integer ALU functions of one element width (architecture.md §6): saturating
/// add/sub/mul/neg/abs, min/max/relu, and the bitwise operations. Each result is a 32-bit word with
/// the bytes past the width zero.
/// </summary>
internal sealed class IntegerOps(Expr a, Expr b, int width)
{
    private readonly Expr x = a[width - 1, 0].AsSigned();
    private readonly Expr y = b[width - 1, 0].AsSigned();
    private readonly Expr ua = a[width - 1, 0];
    private readonly Expr ub = b[width - 1, 0];

    /// <summary>The result of <paramref name="op"/>, or null when it is not an integer operation.</summary>
    public Expr? Result(VxmOp op) => op switch
    {
        VxmOp.Add => Word(LaneBits.Saturate(x + y, width)),
        VxmOp.Sub => Word(LaneBits.Saturate(x - y, width)),
        VxmOp.Mul => Word(LaneBits.Saturate(x * y, width)),
        VxmOp.Min => Word(Hw.Mux(x < y, ua, ub)),
        VxmOp.Max => Word(Hw.Mux(x < y, ub, ua)),
        VxmOp.And => Word(ua & ub),
        VxmOp.Or => Word(ua | ub),
        VxmOp.Xor => Word(ua ^ ub),
        VxmOp.Not => Word(~ua),
        VxmOp.Mov => Word(ua),
        VxmOp.Neg => Word(LaneBits.Saturate(-x, width)),
        // |x| as w+1 bits so -min does not wrap before saturation.
        VxmOp.Abs => Word(LaneBits.Saturate(Hw.Mux(x < 0, -x, x.SignExtend(width + 1)), width)),
        VxmOp.Relu => Word(Hw.Mux(x < 0, Hw.Const(0, width), ua)),
        _ => null,
    };

    private static Expr Word(Expr bits) => LaneBits.ToWord(bits);
}
