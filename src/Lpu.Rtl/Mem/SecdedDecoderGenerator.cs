using System.Numerics;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>
/// The SECDED decoder (architecture.md §5): <see cref="Function"/> <c>secded_decode(word)</c> takes a
/// stored word <c>{check[r:0], data[8L-1:0]}</c> and gives <c>{uncorrectable, corrected, data_out}</c>:
/// <c>data_out</c> with a single flipped data bit corrected, <c>corrected</c> (parity wrong and the
/// syndrome names a codeword position or is 0), <c>uncorrectable</c> (syndrome non-zero with parity
/// right, or naming no position; data passed on as read). The tile calls it in a block guarded by
/// its result-valid register, so a simulator decodes only the words actually read;
/// <see cref="Create"/> wraps the same function in the module <c>lpu_secded_dec</c> (inputs
/// <c>data</c>, <c>check</c>; outputs <c>data_out</c>, <c>corrected</c>, <c>uncorrectable</c>).
/// </summary>
public static class SecdedDecoderGenerator
{
    /// <summary>The module name.</summary>
    public const string Name = "lpu_secded_dec";

    /// <summary>The decoder module for words of <paramref name="lanes"/> bytes.</summary>
    public static Module Create(int lanes)
    {
        var code = new SecdedLayout(lanes);
        var n = code.DataBits;
        var m = new Module(Name);
        var data = m.Input("data", n);
        var check = m.Input("check", code.CheckBits);
        var dataOut = m.Output("data_out", n);
        var corrected = m.Output("corrected");
        var uncorrectable = m.Output("uncorrectable");

        var result = m.Wire("result", n + 2);
        m.Assign(result, Decode(lanes).Call([Hw.Concat(check, data)]));
        m.Assign(dataOut, result[n - 1, 0]);
        m.Assign(corrected, result[n]);
        m.Assign(uncorrectable, result[n + 1]);
        return m;
    }

    /// <summary><c>secded_decode(word)</c>: <c>{uncorrectable, corrected, data_out}</c> (8L + 2 bits) of a
    /// stored word of <paramref name="lanes"/> bytes.</summary>
    public static Function Decode(int lanes)
    {
        var code = new SecdedLayout(lanes);
        var n = code.DataBits;
        var r = code.HammingBits;
        var decode = new Function("secded_decode", n + 2);
        var word = decode.Argument("word", n + code.CheckBits);
        var data = word[n - 1, 0];
        var check = word[n + code.CheckBits - 1, n];

        var syndrome = SecdedEncoderGenerator.HammingOf(code, data) ^ check[r - 1, 0];
        // Parity over every stored bit (data, Hamming, parity): odd means an odd number of flips.
        var parityWrong = word.ReduceXor();
        // Only compare when some r-bit syndrome can exceed n + r: a constant comparison is a lint warning.
        Expr beyond = (1 << r) - 1 > code.CodewordBits
            ? syndrome > new BigInteger(code.CodewordBits)
            : Hw.Const(0, 1);
        var corrected = parityWrong & !beyond;
        var uncorrectable = (!parityWrong & syndrome.Ne(0)) | (parityWrong & beyond);

        var flips = new Expr[n];
        for (var j = 0; j < n; j++)
        {
            flips[n - 1 - j] = syndrome.Eq(code.PositionOf(j));
        }

        // A select, not a mask ANDed with the parity: a simulator evaluates only the chosen side of
        // ?:, so the n comparisons run only for a word with a flip (the same logic for synthesis).
        decode.Return(Hw.Concat(uncorrectable, corrected, Hw.Mux(parityWrong, data ^ Hw.Concat(flips), data)));
        return decode;
    }
}
