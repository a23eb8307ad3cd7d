using System.Numerics;
using Lpu.Architecture.Isa;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>SECDED in the slice (errors injected with WRITE_SRAM_RAW, flagged in the ECC cycle:
/// t + k + 1 for read, t + k + 2 for gather) and power gating sampled in t + k (§11).</summary>
public sealed class MemSliceEccTests(SliceHarness harness) : IClassFixture<SliceHarness>
{
    private const int Cycles = 7;
    private const int Address = 12;

    [Fact]
    public void Read_corrects_single_errors_and_flags_double_errors_in_the_ecc_cycle()
    {
        using var bench = harness.Bench();
        var data = Inject(bench, out var stored);
        var e0 = StreamRef.East(0).Code;
        var log = bench.Run(Cycles, [(0, SliceBench.Encode("read", Address, e0))]);
        ExpectEcc(bench, log, eccCycle: 1, data, stored);
    }

    [Fact]
    public void Gather_flags_in_t_plus_k_plus_2()
    {
        using var bench = harness.Bench();
        var data = Inject(bench, out var stored);
        var e1 = StreamRef.East(1);
        bench.SetStream(e1, MemSliceTimingTests.AddressVector(bench, [Address, Address, Address]));
        var log = bench.Run(Cycles, [(0, SliceBench.Encode("gather", StreamRef.West(0).Code, e1.Code))]);
        ExpectEcc(bench, log, eccCycle: 2, data, stored);
    }

    [Fact]
    public void Powered_down_tile_neither_reads_nor_writes_and_power_is_sampled_in_t_plus_k()
    {
        using var bench = harness.Bench();
        var old = (BigInteger)0xC0DE;
        for (var k = 0; k < bench.Superlanes; k++)
        {
            bench.HostWrite(k, 20, old);
        }

        var e2 = StreamRef.East(2);
        var vector = MemSliceTimingTests.Vector(bench, 0x21);
        bench.SetStream(e2, vector);
        // Superlane 1 is off only in cycle 1 = t + 1 of an instruction issued at 0; superlane 2 is
        // off in cycle 1 too, which is not its cycle (3), so it acts.
        var log = bench.Run(Cycles, [(0, SliceBench.Encode("write", 20, e2.Code))], c => c == 1 ? 0b001 : 0b111);
        Assert.Equal([false, true, false, false, false, false, false], log.Select(c => c[0].SramWe));
        Assert.All(log, c => Assert.False(c[1].SramWe));
        Assert.Equal([false, false, false, true, false, false, false], log.Select(c => c[2].SramWe));
        Assert.Equal(bench.Stored(bench.Part(vector, 0)), bench.HostReadRaw(0, 20));
        Assert.Equal(bench.Stored(old), bench.HostReadRaw(1, 20));
        Assert.Equal(bench.Stored(bench.Part(vector, 2)), bench.HostReadRaw(2, 20));

        var reads = bench.Run(Cycles, [(0, SliceBench.Encode("read", 20, StreamRef.East(5).Code))], c => c == 1 ? 0b101 : 0b111);
        Assert.All(reads, c => Assert.False(c[1].SramRead || c[1].OutValid));
        Assert.True(reads[1][0].OutValid && reads[3][2].OutValid);
    }

    /// <summary>Tile 0: one data bit flipped; tile 1: one check bit flipped; tile 2: two data bits
    /// flipped. Returns the true data per tile and gives the stored (flipped) words.</summary>
    private static BigInteger[] Inject(SliceBench bench, out BigInteger[] stored)
    {
        var n = 8 * bench.Lanes;
        BigInteger[] data = [0x12345678, 0x0F1E2D3C, 0x55AA33CC];
        BigInteger[] flips = [BigInteger.One << 5, BigInteger.One << (n + 2), (BigInteger.One << 0) | (BigInteger.One << 17)];
        stored = new BigInteger[data.Length];
        for (var k = 0; k < bench.Superlanes; k++)
        {
            stored[k] = bench.Stored(data[k]) ^ flips[k];
            bench.HostWriteRaw(k, Address, stored[k]);
            Assert.Equal(stored[k], bench.HostReadRaw(k, Address));
        }

        return data;
    }

    private static void ExpectEcc(SliceBench bench, TileCycle[][] log, int eccCycle, BigInteger[] data, BigInteger[] stored)
    {
        var n = 8 * bench.Lanes;
        for (var k = 0; k < bench.Superlanes; k++)
        {
            for (var c = 0; c < log.Length; c++)
            {
                var seen = log[c][k];
                var now = c == k + eccCycle;
                Assert.True(seen.OutValid == now, $"tile {k} cycle {c}");
                Assert.True(seen.EccCorrected == (now && k < 2), $"tile {k} cycle {c}");
                Assert.True(seen.EccUncorrectable == (now && k == 2), $"tile {k} cycle {c}");
                if (now)
                {
                    // Corrected data for single errors; the word as read for the double error.
                    var expected = k < 2 ? data[k] : stored[k] & ((BigInteger.One << n) - 1);
                    Assert.Equal((Address, expected), (seen.EccAddr, seen.OutData));
                }
            }
        }
    }
}
