using Lpu.Architecture.Isa;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// The float ALU functions of one format (architecture.md §6): add/sub/mul through the shared
/// <see cref="FloatAdd"/> and <see cref="FloatMul"/>; min/max/relu with FTZ inputs and canonical NaN;
/// mov/neg/abs as bit operations. Results are 32-bit words, bytes past the format zero.
/// </summary>
internal sealed class FloatOps(Expr a, Expr b, FloatFormat format)
{
    private readonly Expr x = a[format.Width - 1, 0];
    private readonly Expr y = b[format.Width - 1, 0];

    /// <summary>The result of <paramref name="op"/>, or null when it is not a float operation.</summary>
    public Expr? Result(VxmOp op) => op switch
    {
        VxmOp.Add => Word(FloatAdd.Create(x, y, subtract: false, format)),
        VxmOp.Sub => Word(FloatAdd.Create(x, y, subtract: true, format)),
        VxmOp.Mul => Word(FloatMul.Create(x, y, format)),
        VxmOp.Min => Word(MinMax(max: false)),
        VxmOp.Max => Word(MinMax(max: true)),
        VxmOp.Mov => Word(x),
        VxmOp.Neg => Word(Hw.Concat(~x[format.Width - 1], Magnitude(x))),
        VxmOp.Abs => Word(Hw.Concat(Hw.Const(0, 1), Magnitude(x))),
        VxmOp.Relu => Word(Relu()),
        _ => null,
    };

    private Expr Magnitude(Expr value) => value[format.Width - 2, 0];

    private Expr MinMax(bool max)
    {
        var fx = FloatFields.FlushToZero(x, format);
        var fy = FloatFields.FlushToZero(y, format);
        // Sign-magnitude to an unsigned total order: negatives inverted, positives above them, so
        // -0 sorts just below +0.
        var xFirst = Key(fx) < Key(fy);
        var chosen = max ? Hw.Mux(xFirst, fy, fx) : Hw.Mux(xFirst, fx, fy);
        var nan = FloatFields.IsNaN(x, format) | FloatFields.IsNaN(y, format);
        return Hw.Mux(nan, FloatFields.NaN(format), chosen);
    }

    private Expr Key(Expr value) =>
        Hw.Mux(value[format.Width - 1], ~value, Hw.Concat(Hw.Const(1, 1), Magnitude(value)));

    private Expr Relu()
    {
        // Positive normals and +inf pass; negatives, zeros and (flushed) subnormals give +0.
        var positive = ~x[format.Width - 1] & FloatFields.Exponent(x, format).Ne(0);
        return Hw.Mux(FloatFields.IsNaN(x, format), FloatFields.NaN(format),
            Hw.Mux(positive, x, Hw.Const(0, format.Width)));
    }

    private static Expr Word(Expr bits) => LaneBits.ToWord(bits);
}
