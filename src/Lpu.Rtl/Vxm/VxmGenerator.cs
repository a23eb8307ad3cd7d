using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Hdl;
using Lpu.Hdl.Ir;
using Lpu.Rtl.Vxm.Lane;

namespace Lpu.Rtl.Vxm;

/// <summary>
/// Produces <c>lpu_vxm</c>: per ALU the decode of the issued word (once), the skew pipeline of the decoded
/// instruction (superlane k acts at t + k), operand selection from the stream registers at the VXM position
/// (an element of 1, 2 or 4 bytes spans that many streams) into a stage register, one <c>lpu_vxm_lane</c>
/// per ALU and lane, and the result for the fabric at t + k + 1 (readable at t + k + 2, d = 2). Superlanes
/// powered down at t + k produce nothing. Every step runs only for a valid instruction (docs/rtl.md), so an
/// idle ALU costs a simulator almost nothing.
/// Outputs per (ALU a, superlane k), index a x SL + k: <c>out_valid</c>, <c>out_code[6:0]</c>,
/// <c>out_bytes[2:0]</c> (streams written from code upward), <c>out_data[32L-1:0]</c> (stream code + j,
/// lane i at bits (j L + i) 8).
/// </summary>
public static partial class VxmGenerator
{
    /// <summary>Builds the module for <paramref name="config"/>.</summary>
    public static Module Create(LpuConfig config)
    {
        var a = config.Vxm.AlusPerLane;
        var sl = config.Superlanes;
        var l = config.LanesPerSuperlane;
        var m = new Module("lpu_vxm");
        var d = m.ClockDomain();
        var issueValid = m.Input("issue_valid", a);
        var issueWord = m.Input("issue_word", 64 * a);
        var powered = m.Input("powered", sl);
        var streamIn = m.Input("stream_in", 2 * config.StreamsPerDirection * config.VectorLength * 8);
        var outValid = m.Output("out_valid", a * sl);
        var outCode = m.Output("out_code", 7 * a * sl);
        var outBytes = m.Output("out_bytes", 3 * a * sl);
        var outData = m.Output("out_data", 32 * l * a * sl);

        var lane = VxmLaneGenerator.Create(config);
        var valid = new List<Expr>();
        var code = new List<Expr>();
        var bytes = new List<Expr>();
        var data = new List<Expr>();
        for (var alu = 0; alu < a; alu++)
        {
            Expr v = issueValid[alu] & IsVxm(issueWord[(64 * alu) + 63, (64 * alu) + 56]);

            // Decoded once at issue; the skew registers carry the decoded controls to the later superlanes.
            var decoded = VxmDecode.Create(m, $"decoded_{alu}", issueWord, 64 * alu, v);
            for (var k = 0; k < sl; k++)
            {
                if (k > 0)
                {
                    var vq = m.Reg($"skew_valid_{alu}_{k}", 1, d);
                    var dq = m.Reg($"skew_decoded_{alu}_{k}", VxmDecode.Width, d, enable: v);
                    m.Assign(vq, v);
                    m.Assign(dq, decoded);
                    v = vq;
                    decoded = dq;
                }

                var stage = Stage(m, d, config, $"{alu}_{k}", decoded, v & powered[k], streamIn, k);
                var ys = new List<Expr>();
                for (var i = 0; i < l; i++)
                {
                    var inst = m.Instance(lane, $"lane_{alu}_{k}_{i}");
                    inst.Connect("opcode", stage.Opcode).Connect("type", stage.Type).Connect("from", stage.From)
                        .Connect("to", stage.To).Connect("a", stage.A[i]).Connect("b", stage.B[i])
                        .Connect("scale", stage.Scale).Connect("shift", stage.Shift);
                    ys.Add(inst.Output("y"));
                }

                valid.Add(stage.Valid);
                code.Add(stage.Dst);
                bytes.Add(stage.Bytes);
                data.Add(StreamMajor(ys, l));
            }
        }

        m.Assign(outValid, Pack(valid));
        m.Assign(outCode, Pack(code));
        m.Assign(outBytes, Pack(bytes));
        m.Assign(outData, Pack(data));
        return m;
    }

    /// <summary>Stream j (byte j of every lane's element), lane i at bits (j L + i) 8.</summary>
    private static Expr StreamMajor(List<Expr> ys, int l)
    {
        var parts = new List<Expr>();
        for (var j = 3; j >= 0; j--)
        {
            for (var i = l - 1; i >= 0; i--)
                parts.Add(ys[i][(8 * j) + 7, 8 * j]);
        }

        return Hw.Concat([.. parts]);
    }

    /// <summary>Concatenation with element 0 in the low bits.</summary>
    internal static Expr Pack(List<Expr> parts) => parts.Count == 1 ? parts[0] : Hw.Concat([.. Enumerable.Reverse(parts)]);

    private static Expr IsVxm(Expr opcode)
    {
        var codes = InstructionSet.All.Where(s => s.Unit == UnitKind.Vxm).Select(s => (int)s.Opcode).ToList();
        return (opcode >= codes.Min()) & (opcode <= codes.Max());
    }
}
