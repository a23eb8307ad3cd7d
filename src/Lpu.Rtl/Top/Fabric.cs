using Lpu.Architecture.Configuration;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Top;

/// <summary>
/// The stream registers R[dir][s][p] (architecture.md §2) as one register per direction and position,
/// byte (s, lane) at bit (s x VL + lane) x 8. Each clock edge a value moves one position downstream
/// unless a unit at that position produces on that stream and superlane: MEM slices (one stream each)
/// and the VXM ALUs (1, 2 or 4 consecutive streams). Lower slice or ALU numbers win a collision,
/// which a checked program never has.
/// </summary>
internal sealed class Fabric
{
    private readonly Module m;
    private readonly LpuConfig c;
    private readonly Signal[,] regs;

    public Fabric(Module module, ClockDomain d, LpuConfig config)
    {
        m = module;
        c = config;
        var width = c.StreamsPerDirection * c.VectorLength * 8;
        regs = new Signal[2, c.PositionCount];
        for (var dir = 0; dir < 2; dir++)
        {
            for (var p = 0; p < c.PositionCount; p++)
                regs[dir, p] = m.Reg($"r_{(dir == 0 ? "e" : "w")}_{p}", width, d);
        }
    }

    /// <summary>The streams at position <paramref name="p"/> as units read them: east then west (dir 0 low).</summary>
    public Expr StreamsAt(int p) => Hw.Concat(regs[1, p], regs[0, p]);

    /// <summary>
    /// Assigns every register's next value: the upstream register (a copy), then, only for a producer that
    /// is valid this cycle, the stream words whose code it drives. A simulator so pays a register copy per
    /// position and one test per idle producer, instead of a multiplexer per stream word per producer every
    /// cycle; synthesis still gets one multiplexer per word (the <c>if</c>s nest, no <c>case</c>, which
    /// cost ~300 more LUTs on the iCE40). Later assignments win: the VXM's ALUs from the highest down, then
    /// the slice, so the lowest ALU and a slice win a collision as before.
    /// </summary>
    public void Build(IEnumerable<(int Position, Instance Slice)> slices, int vxmPosition, Instance vxm)
    {
        var byPosition = slices.ToDictionary(x => x.Position, x => x.Slice);
        for (var dir = 0; dir < 2; dir++)
        {
            for (var p = 0; p < c.PositionCount; p++)
            {
                var reg = regs[dir, p];
                var up = dir == 0 ? p - 1 : p + 1;
                m.Assign(reg, up < 0 || up >= c.PositionCount ? Hw.Const(0, reg.Width) : regs[dir, up]);
                if (p == vxmPosition)
                    VxmWrites(vxm, dir, reg);
                if (byPosition.TryGetValue(p, out var slice))
                    SliceWrites(slice, dir, reg);
            }
        }
    }

    /// <summary>The bit of stream <paramref name="stream"/>'s word in superlane <paramref name="k"/>.</summary>
    private int WordLsb(int stream, int k) => ((stream * c.VectorLength) + (k * c.LanesPerSuperlane)) * 8;

    private void SliceWrites(Instance slice, int dir, Signal reg)
    {
        var bits = 8 * c.LanesPerSuperlane;
        for (var k = 0; k < c.Superlanes; k++)
        {
            var superlane = k;
            var code = slice.Output("out_code")[(7 * k) + 6, 7 * k];
            var data = slice.Output("out_data")[(bits * k) + bits - 1, bits * k];
            m.When(slice.Output("out_valid")[k], () =>
            {
                for (var st = 0; st < c.StreamsPerDirection; st++)
                {
                    var lsb = WordLsb(st, superlane);
                    m.When(code.Eq((dir << 6) | st), () => m.AssignPart(reg, lsb, data));
                }
            });
        }
    }

    /// <summary>ALU i writes <c>bytes</c> consecutive streams from its code upward: word j of its data to stream code + j.</summary>
    private void VxmWrites(Instance vxm, int dir, Signal reg)
    {
        var bits = 8 * c.LanesPerSuperlane;
        var sl = c.Superlanes;
        for (var a = c.Vxm.AlusPerLane - 1; a >= 0; a--)
        {
            for (var k = 0; k < sl; k++)
            {
                var i = (a * sl) + k;
                var superlane = k;
                var code = vxm.Output("out_code")[(7 * i) + 6, 7 * i];
                var bytes = vxm.Output("out_bytes")[(3 * i) + 2, 3 * i];
                m.When(vxm.Output("out_valid")[i], () =>
                {
                    for (var st = 0; st < c.StreamsPerDirection; st++)
                    {
                        var lsb = WordLsb(st, superlane);
                        for (var j = Math.Min(3, st); j >= 0; j--)
                        {
                            var dataLsb = (32 * c.LanesPerSuperlane * i) + (bits * j);
                            var word = vxm.Output("out_data")[dataLsb + bits - 1, dataLsb];
                            m.When(code.Eq((dir << 6) | (st - j)) & (bytes > j), () => m.AssignPart(reg, lsb, word));
                        }
                    }
                });
            }
        }
    }
}
