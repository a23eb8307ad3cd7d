using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lpu.Model;

/// <summary>
/// The events of one cycle (architecture.md §10), each kind sorted by its numeric fields: stream
/// productions, SRAM writes, ECC events, issues. The simulator reuses these buffers: read them
/// before the next <see cref="LpuSimulator.Step"/>.
/// </summary>
public sealed class CycleEvents
{
    private readonly List<StreamEvent> streams = [];
    private readonly List<SramWriteEvent> sramWrites = [];
    private readonly List<EccEvent> ecc = [];
    private readonly List<IssueEvent> issues = [];
    private byte[] data = new byte[256];
    private int used;
    private bool sorted = true;
    private ulong[] keyScratch = new ulong[64];

    internal CycleEvents(int bytesPerEvent) => BytesPerEvent = bytesPerEvent;

    /// <summary>The cycle these events belong to.</summary>
    public long Cycle { get; internal set; }

    /// <summary>Bytes carried by a stream or SRAM write event: L.</summary>
    public int BytesPerEvent { get; }

    /// <summary>Stream productions, sorted by position, direction (east first), stream, superlane.</summary>
    public ReadOnlySpan<StreamEvent> Streams
    {
        get
        {
            EnsureSorted();
            return CollectionsMarshal.AsSpan(streams);
        }
    }

    /// <summary>SRAM writes, sorted by slice, superlane, address.</summary>
    public ReadOnlySpan<SramWriteEvent> SramWrites
    {
        get
        {
            EnsureSorted();
            return CollectionsMarshal.AsSpan(sramWrites);
        }
    }

    /// <summary>ECC events, sorted by slice, superlane, address.</summary>
    public ReadOnlySpan<EccEvent> Ecc
    {
        get
        {
            EnsureSorted();
            return CollectionsMarshal.AsSpan(ecc);
        }
    }

    /// <summary>Issues, sorted by queue.</summary>
    public ReadOnlySpan<IssueEvent> Issues
    {
        get
        {
            EnsureSorted();
            return CollectionsMarshal.AsSpan(issues);
        }
    }

    /// <summary>Total number of events.</summary>
    public int Count => streams.Count + sramWrites.Count + ecc.Count + issues.Count;

    /// <summary>The L bytes (lane order) of a stream event of this cycle.</summary>
    public ReadOnlySpan<byte> Data(in StreamEvent e) => data.AsSpan(e.Offset, BytesPerEvent);

    /// <summary>The L bytes (lane order) of an SRAM write event of this cycle.</summary>
    public ReadOnlySpan<byte> Data(in SramWriteEvent e) => data.AsSpan(e.Offset, BytesPerEvent);

    /// <summary>Unsorted views for the simulator, which applies events in any order.</summary>
    internal ReadOnlySpan<StreamEvent> PendingStreams => CollectionsMarshal.AsSpan(streams);

    internal ReadOnlySpan<SramWriteEvent> PendingSramWrites => CollectionsMarshal.AsSpan(sramWrites);

    internal ReadOnlySpan<EccEvent> PendingEcc => CollectionsMarshal.AsSpan(ecc);

    internal void Clear(long cycle)
    {
        sorted = true;
        Cycle = cycle;
        streams.Clear();
        sramWrites.Clear();
        ecc.Clear();
        issues.Clear();
        used = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Span<byte> AddStream(StreamEvent e)
    {
        var offset = Allocate();
        streams.Add(e with { Offset = offset });
        return data.AsSpan(offset, BytesPerEvent);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Span<byte> AddSramWrite(SramWriteEvent e)
    {
        var offset = Allocate();
        sramWrites.Add(e with { Offset = offset });
        return data.AsSpan(offset, BytesPerEvent);
    }

    internal void AddEcc(EccEvent e) => ecc.Add(e);

    internal void AddIssue(IssueEvent e) => issues.Add(e);

    /// <summary>Marks the lists unsorted; they are sorted on first public access.</summary>
    internal void Seal() => sorted = false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EnsureSorted()
    {
        if (sorted)
            return;
        sorted = true;
        // Sort by packed primitive keys: much cheaper than a comparer over the structs. Lists of
        // one event, or already in order (the usual case), are left as they are.
        var s = CollectionsMarshal.AsSpan(streams);
        if (s.Length > 1)
        {
            var keys = Keys(s.Length);
            for (var i = 0; i < s.Length; i++)
                keys[i] = Pack(Pack(Pack((ulong)s[i].Position, (ulong)s[i].Direction, 1), (ulong)s[i].Stream, 7), (ulong)s[i].Superlane, 16);
            SortBy(keys, s);
        }

        var m = CollectionsMarshal.AsSpan(sramWrites);
        if (m.Length > 1)
        {
            var keys = Keys(m.Length);
            for (var i = 0; i < m.Length; i++)
                keys[i] = Pack(Pack((ulong)m[i].Slice, (ulong)m[i].Superlane, 16), (ulong)m[i].Address, 24);
            SortBy(keys, m);
        }

        var e = CollectionsMarshal.AsSpan(ecc);
        if (e.Length > 1)
        {
            var keys = Keys(e.Length);
            for (var i = 0; i < e.Length; i++)
                keys[i] = Pack(Pack(Pack((ulong)e[i].Slice, (ulong)e[i].Superlane, 16), (ulong)e[i].Address, 24), (ulong)e[i].Status, 2);
            SortBy(keys, e);
        }

        var q = CollectionsMarshal.AsSpan(issues);
        if (q.Length > 1)
        {
            var keys = Keys(q.Length);
            for (var i = 0; i < q.Length; i++)
                keys[i] = (ulong)q[i].Queue;
            SortBy(keys, q);
        }
    }

    private static void SortBy<T>(Span<ulong> keys, Span<T> items)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                keys.Sort(items);
                return;
            }
        }
    }

    private static ulong Pack(ulong high, ulong low, int lowBits) => (high << lowBits) | low;

    private Span<ulong> Keys(int count)
    {
        if (keyScratch.Length < count)
            keyScratch = new ulong[Math.Max(count, 2 * keyScratch.Length)];
        return keyScratch.AsSpan(0, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Allocate()
    {
        if (used + BytesPerEvent > data.Length)
            Grow();
        var offset = used;
        used += BytesPerEvent;
        return offset;
    }

    private void Grow() => Array.Resize(ref data, data.Length * 2);
}
