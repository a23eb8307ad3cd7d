using System.Numerics;
using System.Runtime.InteropServices;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Rtl;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// Turns one cycle of the RTL's <c>events</c> port into an <see cref="EventList"/>, following the
/// generated <see cref="TraceLayout"/> (docs/rtl.md "Event port"). The port is not read whole:
/// <see cref="Pieces"/> tells the Verilator shim which bit ranges make up each field, and the shim
/// copies only the fields whose summary bit is set, each piece word-aligned (see
/// <see cref="Verilator.FieldReader"/>), so decoding costs one step per event.
/// </summary>
internal sealed class TraceDecoder
{
    private const int MaxVxmStreams = 4;

    private readonly TraceKind[] kinds;
    private readonly int[] units;
    private readonly int[] superlanes;
    private readonly int[] fieldWords;
    private readonly int summaryWords;
    private readonly int lanes;
    private readonly int[] slicePositions;
    private readonly int vxmPosition;

    public TraceDecoder(LpuConfig config, TraceLayout layout)
    {
        var fields = layout.Fields;
        lanes = config.LanesPerSuperlane;
        kinds = [.. fields.Select(f => f.Kind)];
        units = [.. fields.Select(f => f.Unit)];
        superlanes = [.. fields.Select(f => f.Superlane)];
        Pieces = [.. fields.Select(PiecesOf)];
        fieldWords = [.. Pieces.Select(p => p.Sum(x => (x.Width + 31) / 32))];
        summaryWords = (fields.Count + 31) / 32;
        SummaryOffset = layout.SummaryOffset;
        var floorplan = new Floorplan(config);
        slicePositions = [.. Enumerable.Range(0, config.SliceCount).Select(floorplan.SlicePosition)];
        vxmPosition = floorplan.VxmPosition;
    }

    /// <summary>The bit of field 0's summary bit in the port.</summary>
    public int SummaryOffset { get; }

    /// <summary>Per field, the bit ranges the decoder needs (the valid bit is implied by the summary).</summary>
    public IReadOnlyList<IReadOnlyList<(int Offset, int Width)>> Pieces { get; }

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

    private void Add(int field, ReadOnlySpan<uint> slot, EventList target)
    {
        var header = slot[0];
        var data = MemoryMarshal.AsBytes(slot[1..]);
        switch (kinds[field])
        {
            case TraceKind.MemStream:
                {
                    var stream = StreamRef.FromCode(header & 0x7f);
                    data[..lanes].CopyTo(target.AddStream(slicePositions[units[field]], stream.Direction, stream.Index, superlanes[field], lanes));
                    break;
                }

            case TraceKind.VxmStream:
                {
                    var stream = StreamRef.FromCode(header & 0x7f);

                    // The field holds at most four streams' bytes; a larger count is an RTL bug that
                    // shows as missing events.
                    var count = Math.Min((int)(header >> 7) & 7, MaxVxmStreams);
                    for (var j = 0; j < count; j++)
                        data.Slice(j * lanes, lanes).CopyTo(target.AddStream(vxmPosition, stream.Direction, stream.Index + j, superlanes[field], lanes));
                    break;
                }

            case TraceKind.SramWrite:
                data[..lanes].CopyTo(target.AddSramWrite(units[field], superlanes[field], (int)(header & 0xffff), lanes));
                break;

            case TraceKind.Ecc:
                {
                    var status = (header & 1) != 0 ? 1 : (header & 2) != 0 ? 2 : 0;
                    target.AddEcc(units[field], superlanes[field], (int)((header >> 2) & 0xffff), status);
                    break;
                }

            default:
                target.AddIssue(units[field], header | ((ulong)slot[1] << 32));
                break;
        }
    }

    /// <summary>The ranges of a field after its valid bit: header bits (code, count, address), then data.</summary>
    private IReadOnlyList<(int Offset, int Width)> PiecesOf(TraceField f)
    {
        var o = f.Offset;
        return f.Kind switch
        {
            TraceKind.MemStream => [(o + 1, 7), (o + 8, 8 * lanes)],
            TraceKind.VxmStream => [(o + 1, 10), (o + 11, 32 * lanes)],
            TraceKind.SramWrite => [(o + 1, 16), (o + 17, 8 * lanes)],
            TraceKind.Ecc => [(o, 18)],
            _ => [(o + 1, 64)],
        };
    }
}
