using Lpu.Architecture.Configuration;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm;

public static partial class VxmGenerator
{
    /// <summary>
    /// The stage register of one ALU on superlane k, loaded from <paramref name="decoded"/> and the operands it
    /// names only while <paramref name="live"/> (the instruction is valid and the superlane powered): a
    /// simulator selects operands only for an issued instruction, and an idle ALU's registers hold, except the
    /// opcode, which falls to 0 so that every datapath of the lanes stays gated off.
    /// </summary>
    private static VxmStage Stage(Module m, ClockDomain d, LpuConfig config, string sfx, Signal decoded, Expr live,
        Signal streamIn, int k)
    {
        var l = config.LanesPerSuperlane;
        var stValid = m.Reg($"st_valid_{sfx}", 1, d);
        m.Assign(stValid, live);
        var stOpcode = m.Reg($"st_opcode_{sfx}", 8, d);
        m.When(live, () => m.Assign(stOpcode, VxmDecode.Field(decoded, "opcode"))).Otherwise(() => m.Assign(stOpcode, 0));

        Signal Held(string name, string field)
        {
            var value = VxmDecode.Field(decoded, field);
            var r = m.Reg($"st_{name}_{sfx}", value.Width, d, enable: live);
            m.Assign(r, value);
            return r;
        }

        List<Signal> Operand(string name)
        {
            var window = Window(m, config, streamIn, k, $"{name}_window_{sfx}", VxmDecode.Field(decoded, name), live);
            var bytes = VxmDecode.Field(decoded, $"bytes_{name}");
            var registers = new List<Signal>();
            for (var i = 0; i < l; i++)
            {
                var r = m.Reg($"st_{name}{i}_{sfx}", 32, d, enable: live);
                m.Assign(r, Element(window, bytes, l, i));
                registers.Add(r);
            }

            return registers;
        }

        return new VxmStage(stValid, stOpcode, Held("type", "type"), Held("from", "from"), Held("to", "to"),
            Held("scale", "scale"), Held("shift", "shift"), Held("dst", "dst"), Held("bytes", "bytes_dst"),
            Operand("a"), Operand("b"));
    }

    /// <summary>
    /// The wire <paramref name="name"/>: streams code .. code + 3 of superlane k (stream code + j at bits j x 8L,
    /// 0 past the last stream) while <paramref name="live"/>, else 0. One guarded case over the stream code
    /// whose arms are plain concatenations, rather than a shift of the 352-bit stream window by the code.
    /// </summary>
    private static Signal Window(Module m, LpuConfig config, Signal streamIn, int k, string name, Expr code, Expr live)
    {
        var s = config.StreamsPerDirection;
        var l = config.LanesPerSuperlane;
        var vl = config.VectorLength;
        var window = m.Wire(name, 32 * l);
        m.When(live, () =>
        {
            var cases = m.Switch(code);
            for (var dir = 0; dir < 2; dir++)
            {
                for (var first = 0; first < s; first++)
                {
                    var (direction, stream) = (dir, first);
                    var taken = Math.Min(4, s - stream);
                    var parts = new List<Expr>();
                    if (taken < 4)
                        parts.Add(Hw.Const(0, 8 * l * (4 - taken)));
                    for (var j = taken - 1; j >= 0; j--)
                    {
                        var lsb = ((((direction * s) + stream + j) * vl) + (k * l)) * 8;
                        parts.Add(streamIn[lsb + (8 * l) - 1, lsb]);
                    }

                    cases.Case((direction << 6) | stream, () => m.Assign(window, parts.Count == 1 ? parts[0] : Hw.Concat([.. parts])));
                }
            }

            cases.Default(() => { });
        });
        return window;
    }

    /// <summary>Lane i's element from <paramref name="window"/>: byte j from stream code + j, 0 past
    /// <paramref name="bytes"/>.</summary>
    private static Expr Element(Signal window, Expr bytes, int l, int i)
    {
        var parts = new List<Expr>();
        for (var j = 3; j >= 0; j--)
            parts.Add(window[(((j * l) + i) * 8) + 7, ((j * l) + i) * 8] & Hw.Replicate(bytes > j, 8));
        return Hw.Concat([.. parts]);
    }
}
