namespace Lpu.Cosim.Verilator;

/// <summary>
/// Reads only the fields of one wide port that hold something, in the same native call as the
/// clock ticks (<see cref="VerilatorSimulation.TickAndRead(FieldReader, ulong)"/>): the port carries one summary bit per
/// field (bit <c>SummaryOffset + i</c> set when field i holds something), and each field is one or
/// more bit ranges ("pieces") of the port. After a read, <see cref="Words"/> holds the summary
/// (<see cref="SummaryWords"/> words) followed by the pieces of every set field in field order,
/// each piece starting on a new 32-bit word with the bits above its width zero. Made by
/// <see cref="VerilatorSimulation.CreateFieldReader"/>; one per simulation is active (the latest).
/// </summary>
public sealed class FieldReader
{
    private readonly int[] _fieldWords;

    internal FieldReader(VerilatorSimulation simulation, int port, int summaryOffset, IReadOnlyList<IReadOnlyList<(int Offset, int Width)>> fields, int generation)
    {
        Simulation = simulation;
        Port = port;
        SummaryOffset = summaryOffset;
        Generation = generation;
        FieldCount = fields.Count;
        SummaryWords = (fields.Count + 31) / 32;
        _fieldWords = [.. fields.Select(f => f.Sum(p => (p.Width + 31) / 32))];
        PieceStart = new int[fields.Count + 1];
        var offsets = new List<int>();
        var widths = new List<int>();
        for (var i = 0; i < fields.Count; i++)
        {
            PieceStart[i] = offsets.Count;
            foreach (var (offset, width) in fields[i])
            {
                offsets.Add(offset);
                widths.Add(width);
            }
        }

        PieceStart[fields.Count] = offsets.Count;
        PieceOffsets = [.. offsets];
        PieceWidths = [.. widths];
        Buffer = new uint[SummaryWords + _fieldWords.Sum()];
    }

    /// <summary>Number of fields (and summary bits).</summary>
    public int FieldCount { get; }

    /// <summary>Words of the summary at the start of <see cref="Words"/>.</summary>
    public int SummaryWords { get; }

    /// <summary>The summary and the set fields of the last read (the rest of the buffer is stale).</summary>
    public ReadOnlySpan<uint> Words => Buffer;

    internal VerilatorSimulation Simulation { get; }

    internal int Port { get; }

    internal int SummaryOffset { get; }

    internal int Generation { get; }

    internal int[] PieceStart { get; }

    internal int[] PieceOffsets { get; }

    internal int[] PieceWidths { get; }

    /// <summary>Big enough for the summary and every field at once.</summary>
    internal uint[] Buffer { get; }

    /// <summary>Words field <paramref name="field"/> takes in <see cref="Words"/> when set.</summary>
    public int WordsOf(int field) => _fieldWords[field];

    /// <summary>True when field <paramref name="field"/>'s summary bit was set in the last read.</summary>
    public bool IsSet(int field) => ((Buffer[field >> 5] >> (field & 31)) & 1) != 0;
}
