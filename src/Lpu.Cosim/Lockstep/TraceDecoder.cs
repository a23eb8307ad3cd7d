using System.Numerics;
using System.Runtime.InteropServices;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Layout;
using Lpu.Cosim.Verilator;
using Lpu.Rtl;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// Turns one cycle of the RTL's <c>events</c> port into an <see cref="EventList"/>, following the
/// generated <see cref="TraceLayout"/> (docs/rtl.md "Event port"). The port is not read whole:
/// <see cref="Pieces"/> tells the Verilator shim which bit ranges make up each field, and the shim
/// copies only the fields whose summary bit is set, each piece word-aligned (see
/// <see cref="FieldReader"/>), so decoding costs one step per event.
/// </summary>
internal sealed class TraceDecoder
{
    private const int MaxVxmStreams = 4;

    private readonly TraceKind[] kinds;
    private readonly ulong[] keys;
    private readonly int[] fieldWords;
    private readonly int summaryWords;
    private readonly int lanes;

    public TraceDecoder(LpuConfig config, TraceLayout layout)
    {
        var fields = layout.Fields;
        lanes = config.LanesPerSuperlane;
        kinds = [.. fields.Select(f => f.Kind)];
        var floorplan = new Floorplan(config);
        keys = [.. fields.Select(f => KeyOf(f, floorplan))];
        Pieces = [.. fields.Select(PiecesOf)];
        fieldWords = [.. Pieces.Select(p => p.Sum(x => (x.Width + 31) / 32))];
        summaryWords = (fields.Count + 31) / 32;
        SummaryOffset = layout.SummaryOffset;
    }

    /// <summary>The bit of field 0's summary bit in the port.</summary>
    public int SummaryOffset { get; }

    /// <summary>Per field, the bit ranges the decoder needs (the valid bit is implied by the summary).</summary>
    public IReadOnlyList<IReadOnlyList<(int Offset, int Width)>> Pieces { get; }

    /// <summary>The reader that copies this layout's set fields out of <paramref name="sim"/>'s event port at each tick.</summary>
    public FieldReader CreateReader(VerilatorSimulation sim) => sim.CreateFieldReader(TraceLayout.PortName, SummaryOffset, Pieces);

    /// <summary>
    /// Decodes <paramref name="words"/> (the summary, then the pieces of each set field) into
    /// <paramref name="target"/>.
    /// </summary>
    public void Decode(ReadOnlySpan<uint> words, EventList target)
    {
        target.Clear();
        var next = summaryWords;
        for (var w = 0; w < summaryWords; w++)
        {
            for (var set = words[w]; set != 0; set &= set - 1)
            {
                var field = (32 * w) + BitOperations.TrailingZeroCount(set);
                var slot = words.Slice(next, fieldWords[field]);
                next += fieldWords[field];
                Add(field, slot, target);
            }
        }
    }

    /// <summary>
    /// Adds field <paramref name="field"/>'s events. Each key is the field's own (made and checked
    /// once) plus the stream or address from its header, which always fit their bits.
    /// </summary>
    private void Add(int field, ReadOnlySpan<uint> slot, EventList target)
    {
        var header = slot[0];
        var data = MemoryMarshal.AsBytes(slot[1..]);
        switch (kinds[field])
        {
            case TraceKind.MemStream:
                data[..lanes].CopyTo(target.Add(keys[field] | ObservedEvent.StreamPart(header & 0x7f), 0, lanes));
                break;

            case TraceKind.VxmStream:
                {
                    // The field holds at most four streams' bytes; a larger count is an RTL bug that
                    // shows as missing events.
                    var count = Math.Min((int)(header >> 7) & 7, MaxVxmStreams);
                    var code = header & 0x7f;
                    for (var j = 0u; j < count; j++)
                        data.Slice((int)j * lanes, lanes).CopyTo(target.Add(keys[field] | ObservedEvent.StreamPart(code, j), 0, lanes));
                    break;
                }

            case TraceKind.SramWrite:
                data[..lanes].CopyTo(target.Add(keys[field] | ObservedEvent.AddressPart(header), 0, lanes));
                break;

            case TraceKind.Ecc:
                {
                    var status = (header & 1) != 0 ? 1UL : (header & 2) != 0 ? 2UL : 0UL;
                    target.Add(keys[field] | ObservedEvent.AddressPart(header >> 2), status, 0);
                    break;
                }

            default:
                target.Add(keys[field], header | ((ulong)slot[1] << 32), 0);
                break;
        }
    }

    /// <summary>The key of field <paramref name="f"/>'s events with stream, direction and address 0.</summary>
    private static ulong KeyOf(TraceField f, Floorplan floorplan) => f.Kind switch
    {
        TraceKind.MemStream => ObservedEvent.MakeKey(EventKind.Stream, floorplan.SlicePosition(f.Unit), 0, 0, f.Superlane),
        TraceKind.VxmStream => ObservedEvent.MakeKey(EventKind.Stream, floorplan.VxmPosition, 0, 0, f.Superlane),
        TraceKind.SramWrite => ObservedEvent.MakeKey(EventKind.SramWrite, f.Unit, f.Superlane, 0, 0),
        TraceKind.Ecc => ObservedEvent.MakeKey(EventKind.Ecc, f.Unit, f.Superlane, 0, 0),
        _ => ObservedEvent.MakeKey(EventKind.Issue, f.Unit, 0, 0, 0),
    };

    /// <summary>The ranges of a field after its valid bit: header bits (code, count, address), then data.</summary>
    private IReadOnlyList<(int Offset, int Width)> PiecesOf(TraceField f)
    {
        var (o, data) = (f.Offset, f.DataOffset);
        return f.Kind switch
        {
            TraceKind.MemStream => [(o + 1, 7), (data, 8 * lanes)],
            TraceKind.VxmStream => [(o + 1, 10), (data, 32 * lanes)],
            TraceKind.SramWrite => [(o + 1, 16), (data, 8 * lanes)],
            TraceKind.Ecc => [(o, 18)],
            _ => [(data, 64)],
        };
    }
}
