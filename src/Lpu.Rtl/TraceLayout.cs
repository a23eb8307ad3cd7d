using Lpu.Architecture.Configuration;

namespace Lpu.Rtl;

/// <summary>
/// The bit layout of <c>lpu_top</c>'s <c>events</c> output, least significant first: MEM stream
/// events (slice, superlane), VXM stream events (ALU, superlane), SRAM writes, ECC events (slice,
/// superlane), issues (queue), each whole 32-bit words (<see cref="TraceField"/>); then the summary:
/// one bit per field, in field order, set when the field holds an event (its valid bit; for ECC
/// either flag), so a reader can skip empty fields.
/// </summary>
public sealed class TraceLayout
{
    /// <summary>The output's name; not <c>trace</c>: Verilator's model class has a trace() method.</summary>
    public const string PortName = "events";

    internal TraceLayout(LpuConfig config, IReadOnlyList<int> queues)
    {
        var fields = new List<TraceField>();
        var offset = 0;
        void Add(TraceKind kind, int unit, int superlane)
        {
            fields.Add(new TraceField(kind, unit, superlane, offset));
            offset += TraceField.WidthOf(kind, config.LanesPerSuperlane);
        }

        foreach (var kind in new[] { TraceKind.MemStream })
        {
            for (var slice = 0; slice < config.SliceCount; slice++)
            {
                for (var k = 0; k < config.Superlanes; k++)
                    Add(kind, slice, k);
            }
        }

        for (var alu = 0; alu < config.Vxm.AlusPerLane; alu++)
        {
            for (var k = 0; k < config.Superlanes; k++)
                Add(TraceKind.VxmStream, alu, k);
        }

        foreach (var kind in new[] { TraceKind.SramWrite, TraceKind.Ecc })
        {
            for (var slice = 0; slice < config.SliceCount; slice++)
            {
                for (var k = 0; k < config.Superlanes; k++)
                    Add(kind, slice, k);
            }
        }

        foreach (var queue in queues)
            Add(TraceKind.Issue, queue, 0);
        Fields = fields;
        SummaryOffset = offset;
        Width = offset + fields.Count;
    }

    /// <summary>Total width in bits: the fields, then one summary bit per field.</summary>
    public int Width { get; }

    /// <summary>The bit of field 0's summary bit; field i's is <c>SummaryOffset + i</c>.</summary>
    public int SummaryOffset { get; }

    /// <summary>Every field, in bit order.</summary>
    public IReadOnlyList<TraceField> Fields { get; }

    /// <summary>The field of <paramref name="kind"/> for <paramref name="unit"/> and <paramref name="superlane"/>.</summary>
    public TraceField Find(TraceKind kind, int unit, int superlane = 0) =>
        Fields.First(f => f.Kind == kind && f.Unit == unit && f.Superlane == superlane);
}
