using System.Numerics;
using Lpu.Architecture.Isa;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>The slice's instruction timing cycle by cycle (architecture.md §3, §5): tile k acts in
/// t + k; <c>read</c> results in t + k + 1, <c>gather</c> in t + k + 2, writes in t + k + 1.</summary>
public sealed class MemSliceTimingTests(SliceHarness harness) : IClassFixture<SliceHarness>
{
    private const int Cycles = 7;

    [Fact]
    public void Host_raw_read_shows_the_word_with_generated_check_bits_two_cycles_after_the_command()
    {
        using var bench = harness.Bench();
        BigInteger first = 0x11223344, second = 0xA5A5F00F;
        bench.HostWrite(0, 3, first);
        bench.HostWrite(2, 50, second);

        // Back-to-back reads of two tiles: each word appears exactly two cycles after its command.
        bench.Step(host: (5, 0, 3, 0));
        bench.Step(host: (5, 2, 50, 0));
        Assert.Equal(bench.Stored(first), bench.HostRdata());
        bench.Step();
        Assert.Equal(bench.Stored(second), bench.HostRdata());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_produces_tile_k_in_cycle_t_plus_k_plus_1(bool macros)
    {
        using var bench = harness.Bench(macros);
        var high = Enumerable.Range(0, bench.Superlanes).Select(k => (BigInteger)(0x0A0B0C00 + k)).ToArray();
        var low = Enumerable.Range(0, bench.Superlanes).Select(k => (BigInteger)(0x70605000 + k)).ToArray();
        for (var k = 0; k < bench.Superlanes; k++)
        {
            bench.HostWrite(k, 40, high[k]);
            bench.HostWrite(k, 7, low[k]);
        }

        var e3 = StreamRef.East(3).Code;
        var w1 = StreamRef.West(1).Code;
        var log = bench.Run(Cycles, [(0, SliceBench.Encode("read", 40, e3)), (1, SliceBench.Encode("read", 7, w1))]);

        for (var k = 0; k < bench.Superlanes; k++)
        {
            for (var c = 0; c < Cycles; c++)
            {
                var seen = log[c][k];
                var at = $"tile {k} cycle {c}";
                Assert.True(seen.SramRead == (c == k || c == k + 1), at);
                Assert.True(seen.OutValid == (c == k + 1 || c == k + 2), at);
                Assert.False(seen.EccCorrected || seen.EccUncorrectable || seen.SramWe, at);
                if (c == k + 1)
                {
                    Assert.Equal((e3, high[k]), (seen.OutCode, seen.OutData));
                }
                else if (c == k + 2)
                {
                    Assert.Equal((w1, low[k]), (seen.OutCode, seen.OutData));
                }
            }
        }
    }

    [Fact]
    public void Write_reads_the_stream_in_t_plus_k_and_writes_the_sram_in_t_plus_k_plus_1()
    {
        using var bench = harness.Bench();
        var e2 = StreamRef.East(2);
        // The stream changes every cycle, so each tile shows which cycle it sampled.
        var vectors = Enumerable.Range(0, Cycles).Select(c => Vector(bench, (byte)(0x10 * (c + 1)))).ToArray();
        var log = new TileCycle[Cycles][];
        for (var c = 0; c < Cycles; c++)
        {
            bench.SetStream(e2, vectors[c]);
            log[c] = bench.Step(c == 0 ? SliceBench.Encode("write", 9, e2.Code) : null);
        }

        for (var k = 0; k < bench.Superlanes; k++)
        {
            var expected = bench.Part(vectors[k], k);
            for (var c = 0; c < Cycles; c++)
            {
                var seen = log[c][k];
                Assert.True(seen.SramWe == (c == k + 1), $"tile {k} cycle {c}");
                Assert.False(seen.OutValid || seen.SramRead, $"tile {k} cycle {c}");
                if (c == k + 1)
                {
                    Assert.Equal((9, expected), (seen.SramAddr, seen.SramWdata));
                }
            }

            Assert.Equal(bench.Stored(expected), bench.HostReadRaw(k, 9));
        }
    }

    [Fact]
    public void Gather_reads_per_tile_addresses_modulo_w_and_produces_in_t_plus_k_plus_2()
    {
        using var bench = harness.Bench();
        int[] addresses = [3, 33, 60];
        for (var k = 0; k < bench.Superlanes; k++)
        {
            bench.HostWrite(k, addresses[k], 0x5EED0000 + k);
            bench.HostWrite(k, 0, 0xBAD);
        }

        var e1 = StreamRef.East(1);
        // Lanes 0-1 of each superlane, little endian, with high bits that the modulo drops.
        bench.SetStream(e1, AddressVector(bench, [.. addresses.Select((a, k) => a + (64 << k))]));
        var w2 = StreamRef.West(2).Code;
        var log = bench.Run(Cycles, [(0, SliceBench.Encode("gather", w2, e1.Code))]);

        for (var k = 0; k < bench.Superlanes; k++)
        {
            for (var c = 0; c < Cycles; c++)
            {
                var seen = log[c][k];
                Assert.True(seen.SramRead == (c == k + 1), $"tile {k} cycle {c}");
                Assert.True(seen.OutValid == (c == k + 2), $"tile {k} cycle {c}");
                if (seen.OutValid)
                {
                    Assert.Equal((w2, (BigInteger)(0x5EED0000 + k)), (seen.OutCode, seen.OutData));
                }
            }
        }
    }

    [Fact]
    public void Scatter_writes_each_tile_at_its_own_address_in_t_plus_k_plus_1()
    {
        using var bench = harness.Bench();
        int[] addresses = [62, 1, 31];
        var e1 = StreamRef.East(1);
        var w3 = StreamRef.West(3);
        var data = Vector(bench, 0x40);
        bench.SetStream(e1, AddressVector(bench, [.. addresses.Select(a => a + 128)]));
        bench.SetStream(w3, data);
        var log = bench.Run(Cycles, [(0, SliceBench.Encode("scatter", w3.Code, e1.Code))]);

        for (var k = 0; k < bench.Superlanes; k++)
        {
            for (var c = 0; c < Cycles; c++)
            {
                var seen = log[c][k];
                Assert.True(seen.SramWe == (c == k + 1), $"tile {k} cycle {c}");
                if (seen.SramWe)
                {
                    Assert.Equal((addresses[k], bench.Part(data, k)), (seen.SramAddr, seen.SramWdata));
                }
            }

            Assert.Equal(bench.Stored(bench.Part(data, k)), bench.HostReadRaw(k, addresses[k]));
        }
    }

    /// <summary>VL distinct bytes starting at <paramref name="seed"/>.</summary>
    internal static byte[] Vector(SliceBench bench, byte seed) =>
        [.. Enumerable.Range(0, bench.Superlanes * bench.Lanes).Select(i => (byte)(seed + (3 * i) + 1))];

    /// <summary>A vector whose superlane k holds <paramref name="addresses"/>[k] in lanes 0-1 and
    /// noise in the other lanes.</summary>
    internal static byte[] AddressVector(SliceBench bench, int[] addresses)
    {
        var vector = Vector(bench, 0x90);
        for (var k = 0; k < bench.Superlanes; k++)
        {
            vector[k * bench.Lanes] = (byte)addresses[k];
            vector[(k * bench.Lanes) + 1] = (byte)(addresses[k] >> 8);
        }

        return vector;
    }
}
