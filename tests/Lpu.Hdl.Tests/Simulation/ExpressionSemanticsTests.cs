using System.Numerics;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;
using Lpu.Testing;

namespace Lpu.Hdl.Tests.Simulation;

/// <summary>
/// Every operator in one combinational module, driven by random vectors in Icarus and Verilator; each
/// output is compared with the same formula evaluated here on plain integers. This pins the emitter's
/// extension, signedness and precedence choices to actual simulator behaviour.
/// </summary>
public class ExpressionSemanticsTests
{
    private sealed record In(long A, long B, long S, long T, long N, long C);

    private sealed record Case(string Name, Func<Env, Expr> Build, Func<In, BigInteger> Expected);

    private sealed record Env(Expr A, Expr B, Expr S, Expr T, Expr N, Expr C);

    private static readonly Case[] Cases =
    [
        new("add_u", e => e.A + e.B, v => v.A + v.B),
        new("sub_u", e => e.A - e.B, v => v.A - v.B),
        new("sub_s", e => e.S - e.T, v => v.S - v.T),
        new("mul_s", e => e.S * e.T, v => v.S * v.T),
        new("mul_u", e => e.A * e.B, v => v.A * v.B),
        new("neg_s", e => -e.S, v => -v.S),
        new("neg_u", e => -e.A, v => -v.A),
        new("lt_s", e => e.S < e.T, v => v.S < v.T ? 1 : 0),
        new("ge_u", e => e.A >= e.B, v => v.A >= v.B ? 1 : 0),
        new("gt_s_wide", e => e.S.SignExtend(11) > e.T, v => v.S > v.T ? 1 : 0),
        new("lt_s_const", e => e.S < -5, v => v.S < -5 ? 1 : 0),
        new("eq_u", e => e.A.Eq(e.B), v => v.A == v.B ? 1 : 0),
        new("ne_mixed", e => e.A.Ne(e.N), v => v.A != v.N ? 1 : 0),
        new("shr_s", e => e.S >> e.N, v => v.S >> (int)v.N),
        new("shr_u", e => e.A >> e.N, v => v.A >> (int)v.N),
        new("shl_u", e => e.A << e.N, v => v.A << (int)v.N),
        new("shl_k", e => e.A << 3, v => v.A << 3),
        new("bits", e => (e.A & e.B) | ~(e.A ^ e.B), v => (v.A & v.B) | ~(v.A ^ v.B)),
        new("xor_add", e => (e.A ^ e.B) + e.B, v => (v.A ^ v.B) + v.B),
        // Unsigned a - b is a 9-bit unsigned value (mod 512) before the multiply.
        new("prec", e => (e.A - e.B) * (e.A + e.B), v => ((v.A - v.B) & 511) * (v.A + v.B)),
        new("red_and", e => e.A.ReduceAnd(), v => v.A == 255 ? 1 : 0),
        new("red_or", e => e.A.ReduceOr(), v => v.A != 0 ? 1 : 0),
        new("red_xor", e => e.A.ReduceXor(), v => BitOperations.PopCount((ulong)v.A) & 1),
        new("lnot", e => !e.A, v => v.A == 0 ? 1 : 0),
        new("land", e => e.A.LogicalAnd(e.C), v => v.A != 0 && v.C != 0 ? 1 : 0),
        new("mux", e => Hw.Mux(e.C, e.A, e.B), v => v.C != 0 ? v.A : v.B),
        new("concat", e => Hw.Concat(e.A[3, 0], e.B[7, 4], e.C), v => ((v.A & 15) << 5) | ((v.B >> 4) << 1) | v.C),
        new("repl", e => Hw.Replicate(e.A[1, 0], 3), v => (v.A & 3) * 0b010101),
        new("sext", e => e.S.SignExtend(12), v => v.S),
        new("zext", e => e.S.ZeroExtend(12), v => v.S & 255),
        new("sext_expr", e => (e.S + e.T).SignExtend(16), v => v.S + v.T),
        new("slice_expr", e => (e.A + e.B)[8, 1], v => (v.A + v.B) >> 1),
        new("trunc_s", e => (e.S * e.T).Truncate(8), v => (sbyte)(v.S * v.T)),
        new("as_signed", e => e.A.AsSigned() < e.T, v => (sbyte)v.A < v.T ? 1 : 0),
        new("not_s", e => ~e.S, v => ~v.S),
    ];

    [Fact]
    public void Every_operator_matches_integer_arithmetic_in_both_simulators()
    {
        var m = new Module("ops");
        var env = new Env(m.Input("a", 8), m.Input("b", 8), m.Input("s", 8, signed: true), m.Input("t", 8, signed: true),
            m.Input("n", 3), m.Input("c"));
        var outputs = new List<(Case Case, int Width)>();
        foreach (var c in Cases)
        {
            var value = c.Build(env);
            var y = m.Output(c.Name, value.Width, value.Signed);
            m.Assign(y, value);
            outputs.Add((c, value.Width));
        }

        var design = VerilogEmitter.Emit(m, Examples.Options);
        HdlToolchain.CheckAll(design);

        var random = new Random(3);
        var vectors = new List<BigInteger[]>();
        var expected = new List<string>();
        for (var k = 0; k < 64; k++)
        {
            var v = new In(random.Next(256), random.Next(256), random.Next(-128, 128), random.Next(-128, 128), random.Next(8), random.Next(2));
            if (k == 0)
            {
                v = v with { A = 255, S = -128, T = -128 };
            }

            vectors.Add([v.A, v.B, v.S, v.T, v.N, v.C]);
            expected.Add(k + string.Concat(outputs.Select(o => " " + HdlSimulation.Hex(o.Case.Expected(v), o.Width))));
        }

        var (icarus, verilator) = HdlSimulation.RunBoth(design, m, vectors, clock: null);
        HdlSimulation.AssertMatches(expected, icarus, "icarus");
        HdlSimulation.AssertMatches(expected, verilator, "verilator");
    }
}
