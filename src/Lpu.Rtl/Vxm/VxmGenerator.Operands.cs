using System.Numerics;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
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
            var registers = Enumerable.Range(0, l).Select(i => m.Reg($"st_{name}{i}_{sfx}", 32, d, enable: live)).ToList();
            SelectOperand(m, config, streamIn, k, VxmDecode.Field(decoded, name), VxmDecode.Field(decoded, $"bytes_{name}"), registers);
            return registers;
        }

        return new VxmStage(stValid, stOpcode, Held("type", "type"), Held("from", "from"), Held("to", "to"),
            Held("scale", "scale"), Held("shift", "shift"), Held("dst", "dst"), Held("bytes", "bytes_dst"),
            Operand("a"), Operand("b"));
    }

    /// <summary>
    /// Assigns lane i's element to <paramref name="lanes"/>[i]: byte j from stream code + j of superlane k, 0 past
    /// <paramref name="bytes"/> and past the last stream. One case over (bytes, code), not a shift of the
    /// streams by the code: each arm is a plain concatenation of stream bytes.
    /// </summary>
    private static void SelectOperand(Module m, LpuConfig config, Signal streamIn, int k, Expr code, Expr bytes, List<Signal> lanes)
    {
        var s = config.StreamsPerDirection;
        var l = config.LanesPerSuperlane;
        var vl = config.VectorLength;
        var spans = DataTypes.All.Select(DataTypes.Bytes).Append(1).Append(4).Distinct().Order().ToList();
        var cases = m.Switch(Hw.Concat(bytes, code));
        foreach (var n in spans)
        {
            for (var dir = 0; dir < 2; dir++)
            {
                for (var first = 0; first < s; first++)
                {
                    var (span, direction, stream) = (n, dir, first);
                    cases.Case((new BigInteger(span) << 7) | (direction << 6) | stream, () =>
                    {
                        for (var i = 0; i < l; i++)
                        {
                            var taken = Enumerable.Range(0, 4).Count(j => j < span && stream + j < s);
                            var parts = new List<Expr>();
                            if (taken < 4)
                                parts.Add(Hw.Const(0, 8 * (4 - taken)));
                            for (var j = taken - 1; j >= 0; j--)
                            {
                                var lsb = ((((direction * s) + stream + j) * vl) + (k * l) + i) * 8;
                                parts.Add(streamIn[lsb + 7, lsb]);
                            }

                            m.Assign(lanes[i], Hw.Concat([.. parts]));
                        }
                    });
                }
            }
        }

        cases.Default(() => lanes.ForEach(r => m.Assign(r, 0)));
    }
}
