using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>
/// The SECDED encoder (architecture.md §5): <see cref="Function"/> <c>secded_encode(data)</c> gives the
/// stored word <c>{check, data}</c>, the check bits being the Hamming bits with the overall parity at
/// bit r. The tile calls it in a block guarded by its write enable, so a simulator encodes only
/// when a word is written; <see cref="Create"/> wraps the same function in the module
/// <c>lpu_secded_enc</c> (<c>data[8L-1:0]</c> in, <c>check[r:0]</c> out) for tests and reuse.
/// </summary>
public static class SecdedEncoderGenerator
{
    /// <summary>The module name.</summary>
    public const string Name = "lpu_secded_enc";

    /// <summary>The encoder module for words of <paramref name="lanes"/> bytes.</summary>
    public static Module Create(int lanes)
    {
        var code = new SecdedLayout(lanes);
        var m = new Module(Name);
        var data = m.Input("data", code.DataBits);
        var check = m.Output("check", code.CheckBits);
        var word = m.Wire("word", code.DataBits + code.CheckBits);
        m.Assign(word, Encode(lanes).Call([data]));
        m.Assign(check, word[code.DataBits + code.CheckBits - 1, code.DataBits]);
        return m;
    }

    /// <summary><c>secded_encode(data)</c>: <c>{check, data}</c> for words of <paramref name="lanes"/> bytes.</summary>
    public static Function Encode(int lanes)
    {
        var code = new SecdedLayout(lanes);
        var encode = new Function("secded_encode", code.DataBits + code.CheckBits);
        var data = encode.Argument("data", code.DataBits);
        var hamming = HammingOf(code, data);
        // Overall parity covers data and Hamming bits, so the stored word has even weight.
        encode.Return(Hw.Concat(data.ReduceXor() ^ hamming.ReduceXor(), hamming, data));
        return encode;
    }

    /// <summary>The r Hamming bits of <paramref name="data"/>, bit i the XOR of the data it covers.</summary>
    internal static Expr HammingOf(SecdedLayout code, Expr data)
    {
        var bits = new Expr[code.HammingBits];
        for (var i = 0; i < code.HammingBits; i++)
        {
            // Most significant first in Concat.
            bits[code.HammingBits - 1 - i] = (data & Hw.Const(code.CoverMask(i), code.DataBits)).ReduceXor();
        }

        return bits.Length == 1 ? bits[0] : Hw.Concat(bits);
    }
}
