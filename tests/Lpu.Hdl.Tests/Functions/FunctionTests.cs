using System.Numerics;
using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;
using Lpu.Testing;

namespace Lpu.Hdl.Tests.Functions;

/// <summary>
/// Pure combinational functions: emitted as <c>function automatic</c>, called from inside a case (so a
/// simulator evaluates only the branch taken), checked like any expression, and simulated in Icarus and
/// Verilator against the same formulas evaluated here on integers.
/// </summary>
public class FunctionTests
{
    private const string File = "FunctionTests.cs";

    /// <summary>
    /// <c>sat_add(x, y)</c>: the 9-bit signed sum x + y (read twice: a shared subexpression, so a local
    /// reg) clamped to 8 bits; <c>mix(x, y)</c>: (x ^ y) * 3, truncated. A 2-bit <c>op</c> selects
    /// sat_add(a, b), sat_add(b, c) (the same function called twice), mix(a, c), or a + 1 as a plain
    /// expression; <c>z</c> is mix(b, b) assigned continuously.
    /// </summary>
    private static Module Alu()
    {
        var m = new Module("fn_alu");
        var op = m.Input("op", 2);
        var a = m.Input("a", 8, signed: true);
        var b = m.Input("b", 8, signed: true);
        var c = m.Input("c", 8, signed: true);
        var y = m.Output("y", 8, signed: true);
        var z = m.Output("z", 8);

        var satAdd = new Function("sat_add", 8, signed: true);
        var x = satAdd.Argument("x", 8, signed: true);
        var w = satAdd.Argument("y", 8, signed: true);
        var sum = x + w;
        satAdd.Return(Hw.Mux(sum > 127, Hw.Const(127, 8, signed: true), Hw.Mux(sum < -128, Hw.Const(-128, 8, signed: true), sum.Truncate(8))));

        var mix = new Function("mix", 8);
        var p = mix.Argument("p", 8);
        var q = mix.Argument("q", 8);
        mix.Return(((p ^ q) * Hw.Const(3, 2)).Truncate(8));

        m.Switch(op)
            .Case(0, () => m.Assign(y, satAdd.Call([a, b])))
            .Case(1, () => m.Assign(y, satAdd.Call([b, c])))
            .Case(2, () => m.Assign(y, mix.Call([a.AsUnsigned(), c.AsUnsigned()]).AsSigned()))
            .Default(() => m.Assign(y, (a + 1).Truncate(8)));
        m.Assign(z, mix.Call([b.AsUnsigned(), b.AsUnsigned()]));
        return m;
    }

    [Fact]
    public void Functions_emit_as_function_automatic_and_are_called_inside_the_case()
    {
        var design = VerilogEmitter.Emit(Alu(), Examples.Options);
        var text = design["fn_alu"];
        Snapshot.Match(text, "fn_alu");
        Assert.Equal(1, Count(text, "function automatic signed [7:0] sat_add;"));
        Assert.Equal(1, Count(text, "function automatic [7:0] mix;"));
        Assert.Contains("y = sat_add(a, b);", text, StringComparison.Ordinal);
        Assert.Contains("y = sat_add(b, c);", text, StringComparison.Ordinal);
        HdlToolchain.CheckAll(design);
    }

    [Fact]
    public void Functions_compute_the_same_values_as_integer_arithmetic_in_both_simulators()
    {
        var top = Alu();
        var design = VerilogEmitter.Emit(top, Examples.Options);
        var random = new Random(5);
        var vectors = new List<BigInteger[]>();
        var expected = new List<string>();
        for (var k = 0; k < 96; k++)
        {
            int op = random.Next(4), a = random.Next(-128, 128), b = random.Next(-128, 128), c = random.Next(-128, 128);
            if (k < 4)
            {
                (op, a, b, c) = (k % 2, 127 * (k < 2 ? 1 : -1), 100 * (k < 2 ? 1 : -1), 100 * (k < 2 ? 1 : -1));
            }

            vectors.Add([op, a, b, c]);
            static int SatAdd(int x, int y) => Math.Clamp(x + y, -128, 127);
            static int Mix(int x, int y) => ((x & 255) ^ (y & 255)) * 3 & 255;
            var y = op switch
            {
                0 => SatAdd(a, b),
                1 => SatAdd(b, c),
                2 => Mix(a, c),
                _ => a + 1,
            };
            expected.Add($"{k} {HdlSimulation.Hex(y & 255, 8)} {HdlSimulation.Hex(Mix(b, b), 8)}");
        }

        var (icarus, verilator) = HdlSimulation.RunBoth(design, top, vectors, clock: null);
        HdlSimulation.AssertMatches(expected, icarus, "icarus");
        HdlSimulation.AssertMatches(expected, verilator, "verilator");
    }

    [Fact]
    public void Argument_width_mismatch_is_reported_at_the_call()
    {
        var m = new Module("t");
        var a = m.Input("a", 4);
        var y = m.Output("y", 8);
        var f = new Function("f", 8);
        f.Return(~f.Argument("x", 8));
        var line = Here() + 1;
        m.Assign(y, f.Call([a]));

        Single(m, DiagnosticKind.WidthMismatch, "t: argument 'x' of function 'f' is 8-bit unsigned, given 4-bit unsigned", line);
    }

    [Fact]
    public void Body_of_the_wrong_width_is_reported_at_return()
    {
        var m = new Module("t");
        var a = m.Input("a", 8);
        var y = m.Output("y", 8);
        var f = new Function("f", 8);
        var x = f.Argument("x", 8);
        var line = Here() + 1;
        f.Return(x + x);
        m.Assign(y, f.Call([a]));

        Single(m, DiagnosticKind.WidthMismatch, "t: function 'f' returns 8 bits but its body is 9-bit unsigned", line);
    }

    [Fact]
    public void Body_reading_a_signal_is_reported()
    {
        var m = new Module("t");
        var a = m.Input("a", 8);
        var y = m.Output("y", 8);
        var f = new Function("f", 8);
        var x = f.Argument("x", 8);
        var line = Here() + 1;
        f.Return(x & a);
        m.Assign(y, f.Call([a]));

        Single(m, DiagnosticKind.InvalidUse, "t: function 'f' reads signal 'a': a function may read only its arguments", line);
    }

    [Fact]
    public void Argument_used_outside_its_function_is_reported()
    {
        var m = new Module("t");
        var y = m.Output("y", 8);
        var f = new Function("f", 8);
        var x = f.Argument("x", 8);
        f.Return(x);
        var line = Here() + 1;
        m.Assign(y, x);

        Single(m, DiagnosticKind.InvalidUse, "t: argument 'x' of function 'f' is used outside the function's body", line);
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    private static void Single(Module m, DiagnosticKind kind, string message, int line)
    {
        var diagnostic = Assert.Single(Elaborator.Check(m));
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(kind, diagnostic.Kind);
        Assert.Equal(new SourceLocation(File, line), diagnostic.Location);
    }

    private static int Here([CallerLineNumber] int line = 0) => line;
}
