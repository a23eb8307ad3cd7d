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

    internal CycleEvents(int bytesPerEvent) => BytesPerEvent = bytesPerEvent;

    /// <summary>The cycle these events belong to.</summary>
    public long Cycle { get; internal set; }

    /// <summary>Bytes carried by a stream or SRAM write event: L.</summary>
    public int BytesPerEvent { get; }

    /// <summary>Stream productions, sorted by position, direction (east first), stream, superlane.</summary>
    public ReadOnlySpan<StreamEvent> Streams => CollectionsMarshal.AsSpan(streams);

    /// <summary>SRAM writes, sorted by slice, superlane, address.</summary>
    public ReadOnlySpan<SramWriteEvent> SramWrites => CollectionsMarshal.AsSpan(sramWrites);

    /// <summary>ECC events, sorted by slice, superlane, address.</summary>
    public ReadOnlySpan<EccEvent> Ecc => CollectionsMarshal.AsSpan(ecc);

    /// <summary>Issues, sorted by queue.</summary>
    public ReadOnlySpan<IssueEvent> Issues => CollectionsMarshal.AsSpan(issues);

    /// <summary>Total number of events.</summary>
    public int Count => streams.Count + sramWrites.Count + ecc.Count + issues.Count;

    /// <summary>The L bytes (lane order) of a stream event of this cycle.</summary>
    public ReadOnlySpan<byte> Data(in StreamEvent e) => data.AsSpan(e.Offset, BytesPerEvent);

    /// <summary>The L bytes (lane order) of an SRAM write event of this cycle.</summary>
    public ReadOnlySpan<byte> Data(in SramWriteEvent e) => data.AsSpan(e.Offset, BytesPerEvent);

    internal void Clear(long cycle)
    {
        Cycle = cycle;
        streams.Clear();
        sramWrites.Clear();
        ecc.Clear();
        issues.Clear();
        used = 0;
    }

    internal Span<byte> AddStream(StreamEvent e)
    {
        var offset = Allocate();
        streams.Add(e with { Offset = offset });
        return data.AsSpan(offset, BytesPerEvent);
    }

    internal Span<byte> AddSramWrite(SramWriteEvent e)
    {
        var offset = Allocate();
        sramWrites.Add(e with { Offset = offset });
        return data.AsSpan(offset, BytesPerEvent);
    }

    internal void AddEcc(EccEvent e) => ecc.Add(e);

    internal void AddIssue(IssueEvent e) => issues.Add(e);

    internal void Sort()
    {
        CollectionsMarshal.AsSpan(streams).Sort(default(StreamOrder));
        CollectionsMarshal.AsSpan(sramWrites).Sort(default(SramOrder));
        CollectionsMarshal.AsSpan(ecc).Sort(default(EccOrder));
        CollectionsMarshal.AsSpan(issues).Sort(default(IssueOrder));
    }

    private int Allocate()
    {
        if (used + BytesPerEvent > data.Length)
            Array.Resize(ref data, data.Length * 2);
        var offset = used;
        used += BytesPerEvent;
        return offset;
    }

    private readonly struct StreamOrder : IComparer<StreamEvent>
    {
        public int Compare(StreamEvent x, StreamEvent y)
        {
            var c = x.Position.CompareTo(y.Position);
            if (c == 0)
                c = x.Direction.CompareTo(y.Direction);
            if (c == 0)
                c = x.Stream.CompareTo(y.Stream);
            return c != 0 ? c : x.Superlane.CompareTo(y.Superlane);
        }
    }

    private readonly struct SramOrder : IComparer<SramWriteEvent>
    {
        public int Compare(SramWriteEvent x, SramWriteEvent y)
        {
            var c = x.Slice.CompareTo(y.Slice);
            if (c == 0)
                c = x.Superlane.CompareTo(y.Superlane);
            return c != 0 ? c : x.Address.CompareTo(y.Address);
        }
    }

    private readonly struct EccOrder : IComparer<EccEvent>
    {
        public int Compare(EccEvent x, EccEvent y)
        {
            var c = x.Slice.CompareTo(y.Slice);
            if (c == 0)
                c = x.Superlane.CompareTo(y.Superlane);
            if (c == 0)
                c = x.Address.CompareTo(y.Address);
            return c != 0 ? c : x.Status.CompareTo(y.Status);
        }
    }

    private readonly struct IssueOrder : IComparer<IssueEvent>
    {
        public int Compare(IssueEvent x, IssueEvent y)
        {
            var c = x.Queue.CompareTo(y.Queue);
            return c != 0 ? c : x.Word.CompareTo(y.Word);
        }
    }
}
