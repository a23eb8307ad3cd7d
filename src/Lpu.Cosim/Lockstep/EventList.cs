using Lpu.Architecture.Isa;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// The events of one cycle, with their bytes in one reusable buffer: filled from the model or
/// decoded from the RTL's trace port each cycle without allocating.
/// </summary>
public sealed class EventList
{
    private readonly List<ObservedEvent> events = [];
    private byte[] data = new byte[256];
    private int used;

    /// <summary>The events, sorted by key after <see cref="Sort"/>.</summary>
    public IReadOnlyList<ObservedEvent> Events => events;

    /// <summary>Number of events.</summary>
    public int Count => events.Count;

    /// <summary>The bytes of <paramref name="e"/>.</summary>
    public ReadOnlySpan<byte> Data(in ObservedEvent e) => data.AsSpan(e.DataOffset, e.DataLength);

    /// <summary>Empties the list, keeping its buffers.</summary>
    public void Clear()
    {
        events.Clear();
        used = 0;
    }

    /// <summary>A stream production; returns the span to fill with its bytes.</summary>
    public Span<byte> AddStream(int position, Direction direction, int stream, int superlane, int bytes) =>
        Add(EventKind.Stream, position, (int)direction, stream, superlane, 0, bytes);

    /// <summary>An SRAM write; returns the span to fill with its bytes.</summary>
    public Span<byte> AddSramWrite(int slice, int superlane, int address, int bytes) =>
        Add(EventKind.SramWrite, slice, superlane, address, 0, 0, bytes);

    /// <summary>An ECC event: <paramref name="status"/> 1 corrected, 2 uncorrectable.</summary>
    public void AddEcc(int slice, int superlane, int address, int status) =>
        Add(EventKind.Ecc, slice, superlane, address, 0, (ulong)status, 0);

    /// <summary>An issue of <paramref name="word"/> by queue <paramref name="queue"/>.</summary>
    public void AddIssue(int queue, ulong word) => Add(EventKind.Issue, queue, 0, 0, 0, word, 0);

    /// <summary>Sorts by key, so two lists can be merged.</summary>
    public void Sort() => events.Sort(static (x, y) => ObservedEvent.CompareKeys(x, y));

    private Span<byte> Add(EventKind kind, int a, int b, int c, int d, ulong value, int bytes)
    {
        if (used + bytes > data.Length)
            Array.Resize(ref data, Math.Max(data.Length * 2, used + bytes));
        events.Add(new ObservedEvent(kind, a, b, c, d, value, used, bytes));
        var span = data.AsSpan(used, bytes);
        used += bytes;
        return span;
    }
}
