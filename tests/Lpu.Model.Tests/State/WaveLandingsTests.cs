using Lpu.Architecture.Isa;
using Lpu.Model.State;

namespace Lpu.Model.Tests.State;

/// <summary>
/// A wave-ordered read is copied from SRAM when it lands; a write to its slice first keeps it.
/// These tests hold that bookkeeping to the words the reads saw at issue, also past 64 slices
/// (the landings remember the slices they read in 64-bit words).
/// </summary>
public class WaveLandingsTests
{
    private const int Lanes = 4;
    private const int Superlanes = 2;
    private const int VectorLength = Lanes * Superlanes;

    [Theory]
    [InlineData(3, 70)]
    [InlineData(70, 3)]
    [InlineData(64, 127)]
    [InlineData(63, 64)]
    public void Reads_of_two_slices_each_land_the_word_of_their_issue_when_both_slices_are_written(int first, int second)
    {
        var sram = new SramState(128, 16, Superlanes, Lanes, ecc: false);
        sram.WriteWord(first, 5, Word(0x10), ulong.MaxValue);
        sram.WriteWord(second, 9, Word(0x20), ulong.MaxValue);
        var landing = new WaveLandings(VectorLength, sram);
        landing.Clear(7);
        landing.AddRead(new WaveLanding(0, Direction.East, 1, 3), first, 5);
        landing.AddRead(new WaveLanding(0, Direction.East, 2, 3), second, 9);

        // Writes to each slice in turn, each kept first.
        landing.KeepReads(first);
        sram.WriteWord(first, 5, Word(0x30), ulong.MaxValue);
        landing.KeepReads(second);
        sram.WriteWord(second, 9, Word(0x40), ulong.MaxValue);

        var items = landing.Items.ToArray();
        Assert.Equal(Word(0x10), landing.Data(in items[0]).ToArray());
        Assert.Equal(Word(0x20), landing.Data(in items[1]).ToArray());
    }

    [Fact]
    public void A_write_to_another_slice_leaves_a_read_to_be_copied_when_it_lands()
    {
        var sram = new SramState(128, 16, Superlanes, Lanes, ecc: false);
        sram.WriteWord(70, 5, Word(0x10), ulong.MaxValue);
        var landing = new WaveLandings(VectorLength, sram);
        landing.Clear(7);
        landing.AddRead(new WaveLanding(0, Direction.East, 1, 3), 70, 5);

        landing.KeepReads(6);   // same bit as 70 in the other 64-bit word
        sram.WriteWord(70, 5, Word(0x30), ulong.MaxValue);

        // Not kept: it lands what SRAM holds when it lands (no write of its own slice came between).
        Assert.Equal(Word(0x30), landing.Data(in landing.Items[0]).ToArray());
    }

    private static byte[] Word(byte seed) => [.. Enumerable.Range(0, VectorLength).Select(i => (byte)(seed + i))];
}
