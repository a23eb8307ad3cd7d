using System.Numerics;
using Lpu.Cosim.Verilator;
using Lpu.Model.Numerics;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>The generated SECDED encoder and decoder against the golden model's codec, for every
/// single- and double-bit flip of the stored word (data and check bits) of many random words.</summary>
public sealed class SecdedTests(SecdedHarness harness) : IClassFixture<SecdedHarness>
{
    [Fact]
    public void Four_lanes_match_the_model_for_every_single_and_double_flip() => CheckAll(harness.Narrow, 4, words: 24);

    [Fact]
    public void Sixteen_lanes_match_the_model_for_every_single_and_double_flip() => CheckAll(harness.Wide, 16, words: 6);

    private static void CheckAll(VerilatorBuildResult build, int lanes, int words)
    {
        using var sim = build.CreateSimulation();
        var ports = new PortDriver(sim);
        var code = new SecdedCode(lanes);
        var n = 8 * lanes;
        var random = new Random(lanes);
        for (var w = 0; w < words; w++)
        {
            var bytes = new byte[lanes];
            // The first two words are the extremes, the rest random.
            if (w == 1)
            {
                Array.Fill(bytes, (byte)0xFF);
            }
            else if (w > 1)
            {
                random.NextBytes(bytes);
            }

            var data = new BigInteger(bytes, isUnsigned: true);
            var check = code.Encode(bytes);
            ports.Set("data", data);
            ports.Set("check_in", check);
            sim.Eval();
            Assert.Equal(check, (ushort)ports.Get("enc_check"));
            Expect(ports, code, data, check, data, EccStatus.Ok);

            var stored = data | (new BigInteger(check) << n);
            var total = n + code.CheckBits;
            for (var i = 0; i < total; i++)
            {
                Expect(ports, code, Flip(stored, n, i, -1), data, EccStatus.Corrected);
                for (var j = i + 1; j < total; j++)
                {
                    Expect(ports, code, Flip(stored, n, i, j), null, EccStatus.Uncorrectable);
                }
            }
        }
    }

    private static (BigInteger Data, ushort Check) Flip(BigInteger stored, int n, int i, int j)
    {
        var flipped = stored ^ (BigInteger.One << i);
        if (j >= 0)
        {
            flipped ^= BigInteger.One << j;
        }

        return (flipped & ((BigInteger.One << n) - 1), (ushort)(flipped >> n));
    }

    private static void Expect(PortDriver ports, SecdedCode code, (BigInteger Data, ushort Check) word, BigInteger? expected, EccStatus status) =>
        Expect(ports, code, word.Data, word.Check, expected ?? word.Data, status);

    /// <summary>The RTL's result for a stored word equals the model's, and the model's equals
    /// <paramref name="status"/> with <paramref name="expected"/> data (the code's guarantee).</summary>
    private static void Expect(PortDriver ports, SecdedCode code, BigInteger data, ushort check, BigInteger expected, EccStatus status)
    {
        var bytes = data.ToByteArray(isUnsigned: true);
        Array.Resize(ref bytes, code.BytesPerWord);
        var modelStatus = code.Decode(bytes, check);
        var modelData = new BigInteger(bytes, isUnsigned: true);
        Assert.Equal(status, modelStatus);
        Assert.Equal(expected, modelData);

        ports.Set("data", data);
        ports.Set("check_in", check);
        ports.Sim.Eval();
        var context = $"data {data:x} check {check:x}";
        Assert.True(modelData == ports.Get("dec_data"), context);
        Assert.True((modelStatus == EccStatus.Corrected) == ports.Bit("dec_corrected", 0), context);
        Assert.True((modelStatus == EccStatus.Uncorrectable) == ports.Bit("dec_uncorrectable", 0), context);
    }
}
