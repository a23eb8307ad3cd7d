using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm;

public static partial class VxmGenerator
{
    private static readonly string[] Controls = ["type", "from", "to", "dst", "a", "b", "scale", "shift"];

    /// <summary>Per superlane, the east and west streams of its lanes (stream s at bits s x 8L), padded
    /// with three zero streams so a 4-byte element starting at any stream can be taken.</summary>
    private static List<(Expr East, Expr West)> OperandWindows(LpuConfig config, Signal streamIn)
    {
        var s = config.StreamsPerDirection;
        var l = config.LanesPerSuperlane;
        var vl = config.VectorLength;
        var list = new List<(Expr, Expr)>();
        for (var k = 0; k < config.Superlanes; k++)
        {
            Expr Dir(int dir)
            {
                var parts = new List<Expr> { Hw.Const(0, 3 * 8 * l) };
                for (var st = s - 1; st >= 0; st--)
                {
                    var lsb = ((((dir * s) + st) * vl) + (k * l)) * 8;
                    parts.Add(streamIn[lsb + (8 * l) - 1, lsb]);
                }

                return Hw.Concat([.. parts]);
            }

            list.Add((Dir(0), Dir(1)));
        }

        return list;
    }

    /// <summary>Decodes <paramref name="word"/> (the instruction at superlane k this cycle), selects its
    /// operands from <paramref name="window"/> and registers both.</summary>
    private static VxmStage Stage(Module m, ClockDomain d, LpuConfig config, string sfx, Expr word, Expr valid, (Expr East, Expr West) window)
    {
        var l = config.LanesPerSuperlane;
        var f = Controls.ToDictionary(c => c, c => m.Wire($"{c}_{sfx}", Width(c)));
        var bytesA = m.Wire($"bytes_a_{sfx}", 3);
        var bytesB = m.Wire($"bytes_b_{sfx}", 3);
        var bytesDst = m.Wire($"bytes_dst_{sfx}", 3);
        var opcode = word[63, 56];
        var sw = m.Switch(opcode);
        foreach (var spec in InstructionSet.All.Where(x => x.Unit == UnitKind.Vxm))
        {
            sw.Case(spec.Opcode, () =>
            {
                foreach (var field in spec.Fields.Where(x => f.ContainsKey(x.Name)))
                    m.Assign(f[field.Name], word[field.Msb, field.Lsb]);
                foreach (var (name, target) in new[] { ("a", bytesA), ("b", bytesB), ("dst", bytesDst) })
                {
                    var i = spec.FieldIndex(name);
                    if (i >= 0)
                        m.Assign(target, SpanBytes(spec.Fields[i].Span, f["type"], f["from"], f["to"]));
                }
            });
        }

        sw.Default(() => { });
        var a = Select(window, f["a"], bytesA, l);
        var b = Select(window, f["b"], bytesB, l);

        Signal R(string name, Expr value)
        {
            var r = m.Reg($"st_{name}_{sfx}", value.Width, d);
            m.Assign(r, value);
            return r;
        }

        return new VxmStage(R("valid", valid), R("opcode", opcode), R("type", f["type"]), R("from", f["from"]), R("to", f["to"]),
            R("scale", f["scale"]), R("shift", f["shift"]), R("dst", f["dst"]), R("bytes", bytesDst),
            [.. a.Select((x, i) => R($"a{i}", x))], [.. b.Select((x, i) => R($"b{i}", x))]);
    }

    /// <summary>Lane i's element: byte j from stream code + j, zero past <paramref name="bytes"/>.</summary>
    private static List<Expr> Select((Expr East, Expr West) window, Expr code, Expr bytes, int l)
    {
        var src = Hw.Mux(code[6], window.West, window.East);
        var amount = code[5, 0].ZeroExtend(8) * Hw.Const(8 * l, 16);
        var picked = (src >> amount)[(32 * l) - 1, 0];
        var lanes = new List<Expr>();
        for (var i = 0; i < l; i++)
        {
            var parts = new List<Expr>();
            for (var j = 3; j >= 0; j--)
                parts.Add(picked[(((j * l) + i) * 8) + 7, ((j * l) + i) * 8] & Hw.Replicate(bytes > j, 8));
            lanes.Add(Hw.Concat([.. parts]));
        }

        return lanes;
    }

    private static Expr SpanBytes(StreamSpan span, Expr type, Expr from, Expr to) => span switch
    {
        StreamSpan.Type => TypeBytes(type),
        StreamSpan.FromType => TypeBytes(from),
        StreamSpan.ToType => TypeBytes(to),
        StreamSpan.Four => Hw.Const(4, 3),
        _ => Hw.Const(1, 3),
    };

    private static Expr TypeBytes(Expr type)
    {
        Expr result = Hw.Const(0, 3);
        foreach (var t in DataTypes.All)
            result = Hw.Mux(type.Eq((int)t), Hw.Const(DataTypes.Bytes(t), 3), result);
        return result;
    }

    private static int Width(string control) => InstructionSet.All
        .Where(s => s.Unit == UnitKind.Vxm)
        .SelectMany(s => s.Fields)
        .First(x => x.Name == control).Width;
}
