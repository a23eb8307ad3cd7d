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

    /// <summary>Assigns every register's next value from the writers.</summary>
    public void Build(IEnumerable<(int Position, Instance Slice)> slices, int vxmPosition, Instance vxm)
    {
        var byPosition = slices.ToDictionary(x => x.Position, x => x.Slice);
        var s = c.StreamsPerDirection;
        var sl = c.Superlanes;
        var l = c.LanesPerSuperlane;
        var vl = c.VectorLength;
        for (var dir = 0; dir < 2; dir++)
        {
            for (var p = 0; p < c.PositionCount; p++)
            {
                var up = dir == 0 ? p - 1 : p + 1;
                var upstream = up < 0 || up >= c.PositionCount ? null : regs[dir, up];
                var parts = new List<Expr>();
                for (var st = s - 1; st >= 0; st--)
                {
                    for (var k = sl - 1; k >= 0; k--)
                    {
                        var lsb = ((st * vl) + (k * l)) * 8;
                        Expr value = upstream is null ? Hw.Const(0, 8 * l) : upstream[lsb + (8 * l) - 1, lsb];
                        if (p == vxmPosition)
                            value = VxmWrites(vxm, dir, st, k, value);
                        if (byPosition.TryGetValue(p, out var slice))
                            value = SliceWrites(slice, dir, st, k, value);
                        if (p == vxmPosition || byPosition.ContainsKey(p))
                        {
                            // One net per segment keeps the emitted lines short (Verilator limits tokens per line).
                            var net = m.Wire($"next_{(dir == 0 ? "e" : "w")}_{p}_{st}_{k}", 8 * l);
                            m.Assign(net, value);
                            value = net;
                        }

                        parts.Add(value);
                    }
                }

                m.Assign(regs[dir, p], Hw.Concat([.. parts]));
            }
        }
    }

    private Expr SliceWrites(Instance slice, int dir, int st, int k, Expr value)
    {
        var bits = 8 * c.LanesPerSuperlane;
        var code = slice.Output("out_code")[(7 * k) + 6, 7 * k];
        var hit = slice.Output("out_valid")[k] & code.Eq((dir << 6) | st);
        return Hw.Mux(hit, slice.Output("out_data")[(bits * k) + bits - 1, bits * k], value);
    }

    private Expr VxmWrites(Instance vxm, int dir, int st, int k, Expr value)
    {
        var l = c.LanesPerSuperlane;
        var sl = c.Superlanes;
        for (var a = c.Vxm.AlusPerLane - 1; a >= 0; a--)
        {
            var i = (a * sl) + k;
            var code = vxm.Output("out_code")[(7 * i) + 6, 7 * i];
            var bytes = vxm.Output("out_bytes")[(3 * i) + 2, 3 * i];
            for (var j = Math.Min(3, st); j >= 0; j--)
            {
                var hit = vxm.Output("out_valid")[i] & code.Eq((dir << 6) | (st - j)) & (bytes > j);
                var lsb = (32 * l * i) + (8 * l * j);
                value = Hw.Mux(hit, vxm.Output("out_data")[lsb + (8 * l) - 1, lsb], value);
            }
        }

        return value;
    }
}
