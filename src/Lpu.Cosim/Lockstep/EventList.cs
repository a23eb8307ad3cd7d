using Lpu.Architecture.Isa;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// The events of one cycle in key order, with their bytes in one reusable buffer: filled from the
/// model or decoded from the RTL's <c>events</c> port each cycle without allocating. Each add
/// inserts at its place by key, which costs one compare when events arrive in order (the model's
/// always do; the RTL's nearly), so the list never needs sorting.
/// </summary>
public sealed class EventList
{
    private ObservedEvent[] events = new ObservedEvent[64];
    private byte[] data = new byte[256];
    private int used;

    /// <summary>Number of events.</summary>
    public int Count { get; private set; }

    /// <summary>The events, in key order.</summary>
    public ReadOnlySpan<ObservedEvent> Events => events.AsSpan(0, Count);

    /// <summary>The bytes of <paramref name="e"/>.</summary>
    public ReadOnlySpan<byte> Data(in ObservedEvent e) => data.AsSpan(e.DataOffset, e.DataLength);

    /// <summary>Empties the list, keeping its buffers.</summary>
    public void Clear()
    {
        Count = 0;
        used = 0;
    }

    /// <summary>A stream production; returns the span to fill with its bytes.</summary>
    public Span<byte> AddStream(int position, Direction direction, int stream, int superlane, int bytes) =>
        Add(ObservedEvent.MakeKey(EventKind.Stream, position, (int)direction, stream, superlane), 0, bytes);

    /// <summary>An SRAM write; returns the span to fill with its bytes.</summary>
    public Span<byte> AddSramWrite(int slice, int superlane, int address, int bytes) =>
        Add(ObservedEvent.MakeKey(EventKind.SramWrite, slice, superlane, address, 0), 0, bytes);

    /// <summary>An ECC event: <paramref name="status"/> 1 corrected, 2 uncorrectable.</summary>
    public void AddEcc(int slice, int superlane, int address, int status) =>
        Add(ObservedEvent.MakeKey(EventKind.Ecc, slice, superlane, address, 0), (ulong)status, 0);

    /// <summary>An issue of <paramref name="word"/> by queue <paramref name="queue"/>.</summary>
    public void AddIssue(int queue, ulong word) => Add(ObservedEvent.MakeKey(EventKind.Issue, queue, 0, 0, 0), word, 0);

    /// <summary>An event by its packed key (see <see cref="ObservedEvent"/>); returns the span to fill with its bytes.</summary>
    internal Span<byte> Add(ulong key, ulong value, int bytes)
    {
        if (Count == events.Length)
            Array.Resize(ref events, 2 * events.Length);
        if (used + bytes > data.Length)
            Array.Resize(ref data, Math.Max(data.Length * 2, used + bytes));

        // Insertion in key order, stable for equal keys.
        var at = Count;
        while (at > 0 && events[at - 1].Key > key)
        {
            events[at] = events[at - 1];
            at--;
        }

        events[at] = new ObservedEvent(key, value, used, bytes);
        Count++;
        var span = data.AsSpan(used, bytes);
        used += bytes;
        return span;
    }
}
