using Lpu.Architecture.Configuration;

namespace Lpu.Rtl;

/// <summary>
/// The bit layout of <c>lpu_top</c>'s <c>trace</c> output, least significant first: MEM stream
/// events (slice, superlane), VXM stream events (ALU, superlane), SRAM writes, ECC events (slice,
/// superlane), issues (queue).
/// </summary>
public sealed class TraceLayout
{
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
        Width = offset;
    }

    /// <summary>Total width in bits.</summary>
    public int Width { get; }

    /// <summary>Every field, in bit order.</summary>
    public IReadOnlyList<TraceField> Fields { get; }

    /// <summary>The field of <paramref name="kind"/> for <paramref name="unit"/> and <paramref name="superlane"/>.</summary>
    public TraceField Find(TraceKind kind, int unit, int superlane = 0) =>
        Fields.First(f => f.Kind == kind && f.Unit == unit && f.Superlane == superlane);
}
