using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Rtl;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// Turns one cycle of the RTL's <c>trace</c> port into an <see cref="EventList"/>, following the
/// generated <see cref="TraceLayout"/> (docs/rtl.md "Trace port"). Only fields whose valid (or
/// flag) bits are set cost more than one bit test.
/// </summary>
internal sealed class TraceDecoder
{
    private readonly TraceField[] fields;
    private readonly int lanes;
    private readonly int[] slicePositions;
    private readonly int vxmPosition;

    public TraceDecoder(LpuConfig config, TraceLayout layout)
    {
        fields = [.. layout.Fields];
        lanes = config.LanesPerSuperlane;
        var floorplan = new Floorplan(config);
        slicePositions = [.. Enumerable.Range(0, config.SliceCount).Select(floorplan.SlicePosition)];
        vxmPosition = floorplan.VxmPosition;
    }

    public void Decode(ReadOnlySpan<uint> trace, EventList target)
    {
        target.Clear();
        foreach (var f in fields)
        {
            var at = f.Offset;
            switch (f.Kind)
            {
                case TraceKind.MemStream when Bits.Test(trace, at):
                    {
                        var code = (int)Bits.Get(trace, at + 1, 7);
                        var stream = StreamRef.FromCode(code);
                        Bits.CopyBytes(trace, at + 8, target.AddStream(slicePositions[f.Unit], stream.Direction, stream.Index, f.Superlane, lanes));
                        break;
                    }

                case TraceKind.VxmStream when Bits.Test(trace, at):
                    {
                        var stream = StreamRef.FromCode((long)Bits.Get(trace, at + 1, 7));
                        var count = (int)Bits.Get(trace, at + 8, 3);
                        for (var j = 0; j < count; j++)
                        {
                            var data = target.AddStream(vxmPosition, stream.Direction, stream.Index + j, f.Superlane, lanes);
                            Bits.CopyBytes(trace, at + 11 + (8 * j * lanes), data);
                        }

                        break;
                    }

                case TraceKind.SramWrite when Bits.Test(trace, at):
                    {
                        var address = (int)Bits.Get(trace, at + 1, 16);
                        Bits.CopyBytes(trace, at + 17, target.AddSramWrite(f.Unit, f.Superlane, address, lanes));
                        break;
                    }

                case TraceKind.Ecc:
                    {
                        var corrected = Bits.Test(trace, at);
                        var uncorrectable = Bits.Test(trace, at + 1);
                        if (corrected || uncorrectable)
                            target.AddEcc(f.Unit, f.Superlane, (int)Bits.Get(trace, at + 2, 16), corrected ? 1 : 2);
                        break;
                    }

                case TraceKind.Issue when Bits.Test(trace, at):
                    target.AddIssue(f.Unit, Bits.Get(trace, at + 1, 64));
                    break;
            }
        }

        target.Sort();
    }
}
