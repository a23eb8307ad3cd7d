using System.Numerics;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>
/// Generates <c>lpu_secded_dec</c>: combinational, <c>data[8L-1:0]</c> and <c>check[r:0]</c> in;
/// <c>data_out</c> (a single flipped data bit corrected), <c>corrected</c> (parity wrong and the
/// syndrome names a codeword position or is 0) and <c>uncorrectable</c> (syndrome non-zero with
/// parity right, or naming no position; data passed on as read) out (architecture.md §5).
/// </summary>
public static class SecdedDecoderGenerator
{
    /// <summary>The module name.</summary>
    public const string Name = "lpu_secded_dec";

    /// <summary>The decoder for words of <paramref name="lanes"/> bytes.</summary>
    public static Module Create(int lanes)
    {
        var code = new SecdedLayout(lanes);
        var n = code.DataBits;
        var r = code.HammingBits;
        var m = new Module(Name);
        var data = m.Input("data", n);
        var check = m.Input("check", code.CheckBits);
        var dataOut = m.Output("data_out", n);
        var corrected = m.Output("corrected");
        var uncorrectable = m.Output("uncorrectable");

        var syndrome = m.Wire("syndrome", r);
        m.Assign(syndrome, SecdedEncoderGenerator.HammingOf(code, data) ^ check[r - 1, 0]);
        // Parity over every stored bit (data, Hamming, parity): odd means an odd number of flips.
        var parityWrong = m.Wire("parity_wrong");
        m.Assign(parityWrong, data.ReduceXor() ^ check.ReduceXor());
        var beyond = m.Wire("syndrome_beyond");
        // Only compare when some r-bit syndrome can exceed n + r: a constant comparison is a lint warning.
        if ((1 << r) - 1 > code.CodewordBits)
        {
            m.Assign(beyond, syndrome > new BigInteger(code.CodewordBits));
        }
        else
        {
            m.Assign(beyond, 0);
        }

        m.Assign(corrected, parityWrong & !beyond);
        m.Assign(uncorrectable, (!parityWrong & syndrome.Ne(0)) | (parityWrong & beyond));

        var flips = new Expr[n];
        for (var j = 0; j < n; j++)
        {
            flips[n - 1 - j] = syndrome.Eq(code.PositionOf(j));
        }

        var flip = m.Wire("flip", n);
        m.Assign(flip, Hw.Concat(flips) & Hw.Replicate(parityWrong, n));
        m.Assign(dataOut, data ^ flip);
        return m;
    }
}
