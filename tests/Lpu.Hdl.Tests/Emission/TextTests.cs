using Lpu.Hdl.Ir;
using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;
using Lpu.Testing;

namespace Lpu.Hdl.Tests.Emission;

/// <summary>Details of the emitted text: parentheses, derived-name collisions.</summary>
public class TextTests
{
    [Fact]
    public void Parentheses_appear_only_where_precedence_needs_them()
    {
        var m = new Module("prec");
        var a = m.Input("a", 4);
        var b = m.Input("b", 4);
        var c = m.Input("c", 4);
        var s = m.Input("s");
        var outputs = new (string Name, Expr Value, string Text)[]
        {
            ("p0", (a | b) & c, "(a | b) & c"),
            ("p1", (a & b) | c, "a & b | c"),
            ("p2", a ^ (b ^ c), "a ^ (b ^ c)"),
            ("p3", (a ^ b) ^ c, "a ^ b ^ c"),
            ("p4", ~(a & b), "~(a & b)"),
            ("p5", (a << 1) >> 2, "a << 1 >> 2"),
            ("p6", Hw.Mux(s, a, Hw.Mux(s, b, c)), "s ? a : s ? b : c"),
            ("p7", Hw.Mux(s, Hw.Mux(s, a, b), c), "s ? (s ? a : b) : c"),
            ("p8", a.Eq(b) & s, "a == b & s"),
            ("p9", (a & b).ReduceOr(), "|(a & b)"),
        };
        foreach (var (name, value, _) in outputs)
        {
            m.Assign(m.Output(name, value.Width), value);
        }

        var design = VerilogEmitter.Emit(m, Examples.Options);
        foreach (var (name, _, text) in outputs)
        {
            Assert.Contains($"assign {name} = {text};", design["prec"], StringComparison.Ordinal);
        }

        HdlToolchain.CheckAll(design);
    }

    [Fact]
    public void Derived_names_never_collide_with_user_names()
    {
        var m = new Module("names");
        var d = m.ClockDomain();
        var x = m.Input("x", 4);
        var y = m.Output("y", 4);
        var count = m.Reg("count", 4, d);
        var userQ = m.Wire("count_q", 4);
        var tmp = m.Wire("tmp", 5);
        m.Assign(count, (count + x).Truncate(4));
        m.Assign(userQ, ~count);
        m.Assign(tmp, count + userQ);
        m.Assign(y, tmp.Truncate(4) ^ (count + x).Truncate(4));

        var text = VerilogEmitter.Emit(m, Examples.Options)["names"];

        Assert.Contains("wire [3:0] count_q;", text, StringComparison.Ordinal);
        Assert.Contains("reg [3:0] count_q_1;", text, StringComparison.Ordinal);
        Assert.Contains("wire [4:0] tmp;", text, StringComparison.Ordinal);
        Assert.Contains("wire [4:0] tmp_1;", text, StringComparison.Ordinal);
        HdlToolchain.CheckAll(VerilogEmitter.Emit(m, Examples.Options));
    }
}
