using System.Numerics;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;
using Lpu.Testing;

namespace Lpu.Hdl.Tests.Simulation;

/// <summary><see cref="Module.AssignPart"/>: a part assignment overwrites only its bits, after a whole
/// assignment, on a wire's default and on a register's held value, in both simulators.</summary>
public class PartAssignTests
{
    [Fact]
    public void Part_assignments_overwrite_only_their_bits_in_both_simulators()
    {
        var top = Parts();
        var design = VerilogEmitter.Emit(top, Examples.Options);
        Snapshot.Match(design["parts"], "parts");
        HdlToolchain.CheckAll(design);

        var random = new Random(5);
        var vectors = new List<BigInteger[]>();
        var expected = new List<string>();
        var held = 0;
        for (var k = 0; k < 60; k++)
        {
            // Inputs without clk, in port order: rst_n, base, sel, v, we.
            var rst = k is 0 or 30 ? 0 : 1;
            var baseValue = random.Next(1 << 16);
            var sel = random.Next(4);
            var v = random.Next(16);
            var we = random.Next(2);
            vectors.Add([rst, baseValue, sel, v, we]);

            // w: base with nibble `sel` replaced by v, and bit 15 forced to 1 when we.
            var w = (baseValue & ~(0xF << (4 * sel))) | (v << (4 * sel));
            if (we == 1)
                w |= 1 << 15;

            // z: no whole assignment, so it starts from its default 0xa5a5; byte 1 becomes {v, v} when we.
            var z = we == 1 ? (0xa5a5 & 0x00ff) | (((v << 4) | v) << 8) : 0xa5a5;

            // r: the register holds unless we; then its low byte takes {v, sel, 00} and the rest stays.
            if (rst == 0)
                held = 0x1234;
            else if (we == 1)
                held = (held & 0xff00) | (v << 4) | (sel << 2);

            expected.Add($"{k} {HdlSimulation.Hex(w, 16)} {HdlSimulation.Hex(z, 16)} {HdlSimulation.Hex(held, 16)}");
        }

        var (icarus, verilator) = HdlSimulation.RunBoth(design, top, vectors);
        HdlSimulation.AssertMatches(expected, icarus, "icarus");
        HdlSimulation.AssertMatches(expected, verilator, "verilator");
    }

    [Fact]
    public void Part_assignments_are_written_as_part_selects_and_a_whole_first_assignment_drops_the_default()
    {
        var text = VerilogEmitter.Emit(Parts(), Examples.Options)["parts"];

        Assert.Contains("w[15] = 1'd1;", text, StringComparison.Ordinal);
        Assert.Contains("w[7:4] = v;", text, StringComparison.Ordinal);
        Assert.Contains("z = 16'd42405;", text, StringComparison.Ordinal);
        Assert.Contains("z[15:8] = {v, v};", text, StringComparison.Ordinal);
        Assert.Contains("r_q[7:0] <= {v, sel, 2'd0};", text, StringComparison.Ordinal);
        Assert.DoesNotContain("w = 16'd0;", text, StringComparison.Ordinal);
    }

    /// <summary>Nibble <c>sel</c> of <c>w</c> replaced by <c>v</c>; <c>z</c> from its default; a register's low byte.</summary>
    private static Module Parts()
    {
        var m = new Module("parts");
        var d = m.ClockDomain();
        var baseValue = m.Input("base", 16);
        var sel = m.Input("sel", 2);
        var v = m.Input("v", 4);
        var we = m.Input("we");
        var wOut = m.Output("w_out", 16);
        var zOut = m.Output("z_out", 16);
        var rOut = m.Output("r_out", 16);

        var w = m.Wire("w", 16);
        m.Assign(w, baseValue);
        var select = m.Switch(sel);
        for (var n = 0; n < 4; n++)
        {
            var lsb = 4 * n;
            select.Case(n, () => m.AssignPart(w, lsb, v));
        }

        m.When(we, () => m.AssignPart(w, 15, Hw.Const(1, 1)));

        var z = m.Wire("z", 16, defaultValue: 0xa5a5);
        m.When(we, () => m.AssignPart(z, 8, Hw.Concat(v, v)));

        var r = m.Reg("r", 16, d, resetValue: 0x1234);
        m.When(we, () => m.AssignPart(r, 0, Hw.Concat(v, sel, Hw.Const(0, 2))));

        m.Assign(wOut, w);
        m.Assign(zOut, z);
        m.Assign(rOut, r);
        return m;
    }
}
