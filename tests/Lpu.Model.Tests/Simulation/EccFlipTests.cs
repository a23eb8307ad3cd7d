using System.Numerics;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Model.Numerics;

namespace Lpu.Model.Tests.Simulation;

/// <summary>
/// SECDED with bit flips injected before and after a word is written by the program (the model
/// checks only words hit by a flip since their last write; observably that must be the code of
/// architecture.md §5): a write makes a word clean again, a flip after it is found.
/// </summary>
public class EccFlipTests
{
    // small: L = 4, so n = 32 data bits and r = 6 Hamming bits; slice 1 sits one position west of slice 0.
    private static ushort CheckField(ReadOnlySpan<byte> tile)
    {
        const int R = 6;
        var hamming = 0;
        var ones = 0;
        var position = 1;
        for (var j = 0; j < 8 * tile.Length; j++)
        {
            while (BitOperations.IsPow2(position))
                position++;
            if ((tile[j / 8] >> (j % 8) & 1) != 0)
            {
                hamming ^= position;
                ones++;
            }

            position++;
        }

        var parity = (ones + BitOperations.PopCount((uint)hamming)) & 1;
        return (ushort)(hamming | parity << R);
    }

    [Fact]
    public void Flips_before_a_program_write_vanish_and_flips_after_it_are_found()
    {
        var d = Harness.Bytes(8, 71);   // written over word 7 of slice 1 by the program
        var e7 = Harness.Bytes(8, 72);
        var e8 = Harness.Bytes(8, 73);
        var b = new ProgramBuilder(Harness.Small);
        b.Data(0, 5, d).Data(1, 7, e7).Data(1, 8, e8).Data(2, 3, e8);
        b.Queue("mem.w.1").Read(7, StreamRef.West(5)).Read(8, StreamRef.West(6))  // 0, 1
            .Nop(3).Write(7, StreamRef.West(0))                                    // 5: SRAM tile k written in 6 + k
            .Nop(3).Read(7, StreamRef.West(5)).Read(8, StreamRef.West(6));         // 9, 10
        b.Queue("mem.w.0").Nop(2).Read(5, StreamRef.West(0));                      // 2: at slice 1 during 5 + k
        b.Queue("mem.w.2").Read(3, StreamRef.West(7));                             // 0
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        sim.InjectBitFlip(1, 0, 7, 3);      // single, before the write
        sim.InjectBitFlip(1, 1, 7, 12);     // single, before the write
        sim.InjectBitFlip(1, 1, 8, 9);      // double, never rewritten
        sim.InjectBitFlip(1, 1, 8, 30);
        sim.InjectBitFlip(2, 0, 3, 7);      // the same bit twice: intact again
        sim.InjectBitFlip(2, 0, 3, 7);

        var ecc = new List<(long, int, int, int, EccStatus)>();
        var streams = new Dictionary<(long, int, int), byte[]>();
        while (!sim.IsDone)
        {
            if (sim.Cycle == 8)
                sim.InjectBitFlip(1, 1, 7, 5);   // single, after tile 1 was written (cycle 7)
            var events = sim.Step();
            foreach (var x in events.Ecc)
                ecc.Add((events.Cycle, x.Slice, x.Superlane, x.Address, x.Status));
            foreach (var s in events.Streams)
                streams[(events.Cycle, s.Stream, s.Superlane)] = events.Data(in s).ToArray();
        }

        // ECC events in t + k + 1
        Assert.Equal(
            [
                (1L, 1, 0, 7, EccStatus.Corrected), (2L, 1, 1, 7, EccStatus.Corrected), (3L, 1, 1, 8, EccStatus.Uncorrectable),
                (11L, 1, 1, 7, EccStatus.Corrected), (12L, 1, 1, 8, EccStatus.Uncorrectable),
            ],
            ecc);
        Assert.Equal(3, sim.Counters.EccCorrected);
        Assert.Equal(2, sim.Counters.EccUncorrectable);
        // The first read corrects the old contents, the second reads the program's data (corrected).
        Assert.Equal(e7[0..4], streams[(2, 5, 0)]);
        Assert.Equal(e7[4..8], streams[(3, 5, 1)]);
        Assert.Equal(d[0..4], streams[(11, 5, 0)]);
        Assert.Equal(d[4..8], streams[(12, 5, 1)]);
        Assert.Equal(e8[0..4], streams[(2, 7, 0)]);   // slice 2, flipped back: read as written

        // The stored check fields: those of the written data (the late flip hit a data bit).
        Assert.Equal(CheckField(d.AsSpan(0, 4)), sim.ReadCheckBits(1, 0, 7));
        Assert.Equal(CheckField(d.AsSpan(4, 4)), sim.ReadCheckBits(1, 1, 7));
        Assert.Equal(CheckField(e8.AsSpan(0, 4)), sim.ReadCheckBits(2, 0, 3));
        sim.InjectBitFlip(1, 0, 7, 32 + 2);
        Assert.Equal(CheckField(d.AsSpan(0, 4)) ^ 0b100, sim.ReadCheckBits(1, 0, 7));
        var stored = new byte[8];
        sim.ReadSram(1, 7, stored);
        var expected = (byte[])d.Clone();
        expected[4] ^= 1 << 5;    // bit 5 of tile 1 is still flipped in the array
        Assert.Equal(expected, stored);
    }

    [Fact]
    public void A_host_write_makes_a_flipped_word_clean()
    {
        var b = new ProgramBuilder(Harness.Small);
        b.Queue("mem.w.0").Read(4, StreamRef.East(0));
        var sim = new LpuSimulator(Harness.Small);
        sim.Load(b.Build());
        var data = Harness.Bytes(8, 74);
        sim.WriteSram(0, 4, Harness.Bytes(8, 75));
        sim.InjectBitFlip(0, 0, 4, 1);
        sim.InjectBitFlip(0, 0, 4, 2);
        sim.WriteSram(0, 4, data);
        Assert.Equal(CheckField(data.AsSpan(0, 4)), sim.ReadCheckBits(0, 0, 4));
        var ecc = 0;
        sim.Run(100, e => ecc += e.Ecc.Length);
        Assert.Equal(0, ecc);
        Assert.Equal(0, sim.Counters.EccUncorrectable + sim.Counters.EccCorrected);
    }
}
