using Lpu.Cosim.Verilator;
using Lpu.Hdl.Ir;
using Lpu.Rtl.Mem;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>
/// The encoder and decoder side by side in one test top (<c>data</c> feeds both, <c>check_in</c>
/// the decoder), built once per lane count for all SECDED tests.
/// </summary>
public sealed class SecdedHarness
{
    public SecdedHarness()
    {
        Narrow = VerilatorBuild.Build(MemDesigns.ForVerilator(Create(4)));
        Wide = VerilatorBuild.Build(MemDesigns.ForVerilator(Create(16)));
    }

    /// <summary>L = 4: 32 data bits, 7 check bits.</summary>
    public VerilatorBuildResult Narrow { get; }

    /// <summary>L = 16: 128 data bits, 9 check bits.</summary>
    public VerilatorBuildResult Wide { get; }

    private static Module Create(int lanes)
    {
        var encoder = SecdedEncoderGenerator.Create(lanes);
        var decoder = SecdedDecoderGenerator.Create(lanes);
        var n = 8 * lanes;
        var c = encoder.FindPort("check")!.Width;
        var m = new Module($"secded_harness_{lanes}");
        _ = m.Input("clk");
        var data = m.Input("data", n);
        var checkIn = m.Input("check_in", c);
        var encCheck = m.Output("enc_check", c);
        var decData = m.Output("dec_data", n);
        var decCorrected = m.Output("dec_corrected");
        var decUncorrectable = m.Output("dec_uncorrectable");
        var enc = m.Instance(encoder, "enc").Connect("data", data);
        var dec = m.Instance(decoder, "dec").Connect("data", data).Connect("check", checkIn);
        m.Assign(encCheck, enc.Output("check"));
        m.Assign(decData, dec.Output("data_out"));
        m.Assign(decCorrected, dec.Output("corrected"));
        m.Assign(decUncorrectable, dec.Output("uncorrectable"));
        return m;
    }
}
