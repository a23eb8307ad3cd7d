using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>
/// Generates <c>lpu_secded_enc</c>: combinational, <c>data[8L-1:0]</c> in, <c>check[r:0]</c> out
/// (Hamming bits with the overall parity at bit r, architecture.md §5). Used on every SRAM write.
/// </summary>
public static class SecdedEncoderGenerator
{
    /// <summary>The module name.</summary>
    public const string Name = "lpu_secded_enc";

    /// <summary>The encoder for words of <paramref name="lanes"/> bytes.</summary>
    public static Module Create(int lanes)
    {
        var code = new SecdedLayout(lanes);
        var m = new Module(Name);
        var data = m.Input("data", code.DataBits);
        var check = m.Output("check", code.CheckBits);

        var hamming = m.Wire("hamming", code.HammingBits);
        m.Assign(hamming, HammingOf(code, data));
        // Overall parity covers data and Hamming bits, so the stored word has even weight.
        m.Assign(check, Hw.Concat(data.ReduceXor() ^ hamming.ReduceXor(), hamming));
        return m;
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
