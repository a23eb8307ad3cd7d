using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

/// <summary>
/// A load starts from zeroed SRAM whatever the last program, the host and injected flips left
/// (the model clears only the slices that changed, so this pins down that none is missed).
/// </summary>
public class ReloadTests
{
    [Fact]
    public void A_new_load_starts_from_zeroed_sram_with_clean_check_fields()
    {
        var config = Harness.Small;
        var first = new ProgramBuilder(config);
        first.Data(0, 5, Harness.Bytes(8, 1)).Data(3, 200, Harness.Bytes(8, 2));
        first.Queue("mem.w.0").Read(5, StreamRef.West(1)).Nop(3).Write(17, StreamRef.West(1));   // a program write to slice 0
        var sim = new LpuSimulator(config);
        sim.Load(first.Build());
        sim.WriteSram(1, 33, Harness.Bytes(8, 3));   // host write
        sim.InjectBitFlip(2, 1, 9, 3);               // a data bit and a check bit of a slice nothing wrote
        sim.InjectBitFlip(2, 0, 9, 32 + 1);
        sim.Run();

        var second = new ProgramBuilder(config);
        second.Queue("mem.w.2").Read(9, StreamRef.West(4));   // the word that was flipped
        sim.Load(second.Build());

        var word = new byte[config.VectorLength];
        for (var slice = 0; slice < 2 * config.Mem.SlicesPerHemisphere; slice++)
        {
            for (var address = 0; address < config.Mem.WordsPerTile; address++)
            {
                sim.ReadSram(slice, address, word);
                Assert.True(word.All(b => b == 0), $"slice {slice} word {address} kept {Convert.ToHexString(word)}");
                for (var k = 0; k < config.Superlanes; k++)
                    Assert.Equal(0, sim.ReadCheckBits(slice, k, address));   // the code of zero data
            }
        }

        sim.Run();
        Assert.Equal(0, sim.Counters.EccCorrected);
        Assert.Equal(0, sim.Counters.EccUncorrectable);
    }
}
