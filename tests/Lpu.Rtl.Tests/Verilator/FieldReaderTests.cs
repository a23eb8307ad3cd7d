using System.Numerics;
using Lpu.Cosim.Verilator;

namespace Lpu.Rtl.Tests.Verilator;

/// <summary>
/// <see cref="VerilatorSimulation.TickAndRead(FieldReader, ulong)"/> on the counter fixture's 100-bit <c>wide_q</c>
/// (= <c>wide_in</c> + 1 after a tick): four fields whose summary bits are bits 96..99, with pieces
/// that cross word boundaries, a field of two pieces, and a last field overlapping the summary.
/// </summary>
[Collection(SharedVerilatorModels.Name)]
public sealed class FieldReaderTests(VerilatorModels models)
{
    private const int SummaryOffset = 96;
    private static readonly BigInteger Mask100 = (BigInteger.One << 100) - 1;

    private static readonly (int Offset, int Width)[][] Fields =
    [
        [(0, 7)],
        [(7, 40)],
        [(47, 33), (80, 16)],
        [(90, 10)],
    ];

    [Theory]
    [InlineData(0x0)]   // a cycle with no events: only the summary word
    [InlineData(0xF)]   // every field
    [InlineData(0x8)]   // only the last field
    [InlineData(0x1)]   // only the first
    [InlineData(0x6)]
    public void Only_the_fields_whose_summary_bit_is_set_are_copied_word_aligned(int summary)
    {
        using var sim = models.Counter.CreateSimulation();
        var reader = sim.CreateFieldReader("wide_q", SummaryOffset, Fields);
        var random = new Random(summary + 3);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[12];
            random.NextBytes(bytes);
            var value = new BigInteger(bytes, isUnsigned: true) | ((BigInteger)summary << SummaryOffset);
            sim.SetInput(sim.PortIndex("wide_in"), ToWords((value - 1) & Mask100));
            var before = sim.Cycle;

            var words = sim.TickAndRead(reader);

            Assert.Equal(before + 1, sim.Cycle);
            var expected = Expected(value);
            Assert.Equal(expected, words[..expected.Length].ToArray());
        }
    }

    [Fact]
    public void A_read_of_zero_cycles_does_not_tick()
    {
        using var sim = models.Counter.CreateSimulation();
        var reader = sim.CreateFieldReader("wide_q", SummaryOffset, Fields);
        var value = (BigInteger.One << 99) | (BigInteger.One << 96) | 0x55;   // fields 3 and 0; bits 99 and 96 are also field 3's bits 9 and 6
        sim.SetInput(sim.PortIndex("wide_in"), ToWords(value - 1));
        sim.Tick();
        sim.SetInput(sim.PortIndex("wide_in"), ToWords(0));
        var before = sim.Cycle;

        var words = sim.TickAndRead(reader, 0);

        Assert.Equal(before, sim.Cycle);
        Assert.Equal([0x9u, 0x55u, 0x240u], words[..3].ToArray());
    }

    [Fact]
    public void Bad_layouts_and_stale_readers_are_refused_with_one_clear_error()
    {
        using var sim = models.Counter.CreateSimulation();
        var narrow = Assert.Throws<ArgumentException>(() => sim.CreateFieldReader("count_q", 0, Fields));
        Assert.Contains("'count_q'", narrow.Message);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => sim.CreateFieldReader("wide_q", SummaryOffset, [[(90, 11)]]));
        Assert.Contains("field 0: bits [90, 101)", outside.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.CreateFieldReader("wide_q", 97, Fields));

        var first = sim.CreateFieldReader("wide_q", SummaryOffset, Fields);
        var second = sim.CreateFieldReader("wide_q", SummaryOffset, Fields);
        Assert.Throws<ArgumentException>(() => sim.TickAndRead(first));
        sim.TickAndRead(second);
        using var other = models.Counter.CreateSimulation();
        Assert.Throws<ArgumentException>(() => other.TickAndRead(second));
    }

    [Fact]
    public void A_read_into_a_given_buffer_fills_it_like_the_readers_own()
    {
        using var sim = models.Counter.CreateSimulation();
        var reader = sim.CreateFieldReader("wide_q", SummaryOffset, Fields);
        var value = (BigInteger.Parse("0A1234567890ABCDEF0123", System.Globalization.NumberStyles.HexNumber) & Mask100) | ((BigInteger)0x5 << SummaryOffset);
        sim.SetInput(sim.PortIndex("wide_in"), ToWords(value - 1));
        var destination = new uint[reader.Words.Length + 2];
        var before = sim.Cycle;

        sim.TickAndRead(reader, 1, destination);

        Assert.Equal(before + 1, sim.Cycle);
        var expected = Expected(value);
        Assert.Equal(expected, destination[..expected.Length]);
        var tooShort = Assert.Throws<ArgumentException>(() => sim.TickAndRead(reader, 0, new uint[reader.Words.Length - 1]));
        Assert.Contains($"the reader's fields need {reader.Words.Length}", tooShort.Message);
    }

    /// <summary>The summary word, then each set field's pieces, each piece as ceil(width / 32) words.</summary>
    private static uint[] Expected(BigInteger value)
    {
        var summary = (int)((value >> SummaryOffset) & 0xF);
        var words = new List<uint> { (uint)summary };
        for (var f = 0; f < Fields.Length; f++)
        {
            if ((summary & (1 << f)) == 0)
                continue;
            foreach (var (offset, width) in Fields[f])
            {
                var piece = (value >> offset) & ((BigInteger.One << width) - 1);
                for (var w = 0; w < (width + 31) / 32; w++)
                    words.Add((uint)((piece >> (32 * w)) & uint.MaxValue));
            }
        }

        return [.. words];
    }

    private static uint[] ToWords(BigInteger value) =>
        [.. Enumerable.Range(0, 4).Select(i => (uint)((value >> (32 * i)) & uint.MaxValue))];
}
