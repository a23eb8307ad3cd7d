using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;

namespace Lpu.Hdl.Tests.Checks;

/// <summary>Each elaboration check: triggered on purpose, with its exact message and C# location.</summary>
public class ChecksTests
{
    private const string File = "ChecksTests.cs";

    [Fact]
    public void Width_mismatch_on_assignment_names_the_fix()
    {
        var m = new Module("t");
        var a = m.Input("a", 8);
        var y = m.Output("y", 8);
        var line = Here() + 1;
        m.Assign(y, a + a);

        Single(m, DiagnosticKind.WidthMismatch, "t: assigning a 9-bit unsigned value to 8-bit unsigned 'y': use Truncate(8)", line);
    }

    [Fact]
    public void Width_mismatch_inside_an_operator_is_reported_at_the_statement_using_it()
    {
        var m = new Module("t");
        var a = m.Input("a", 8);
        var b = m.Input("b", 4);
        var y = m.Output("y", 8);
        var line = Here() + 1;
        m.Assign(y, a & b);

        Single(m, DiagnosticKind.WidthMismatch, "t: operands of '&' are 8-bit unsigned and 4-bit unsigned: widths must match", line);
    }

    [Fact]
    public void Narrowing_extension_is_reported_where_it_was_written()
    {
        var m = new Module("t");
        var a = m.Input("a", 8);
        var y = m.Output("y", 4);
        var line = Here() + 1;
        var narrowed = a.ZeroExtend(4);
        m.Assign(y, narrowed.Truncate(4));

        Single(m, DiagnosticKind.WidthMismatch, "t: extending a 8-bit unsigned value to 4 bits would narrow it: use Truncate", line);
    }

    [Fact]
    public void Signedness_mismatch()
    {
        var m = new Module("t");
        var s = m.Input("s", 8, signed: true);
        var u = m.Input("u", 8);
        var y = m.Output("y", 9, signed: true);
        var line = Here() + 1;
        m.Assign(y, s + u);

        Single(m, DiagnosticKind.SignednessMismatch, "t: operands of '+' are 8-bit signed and 8-bit unsigned: use AsSigned() or AsUnsigned()", line);
    }

    [Fact]
    public void Undriven_output_is_reported_at_its_declaration()
    {
        var m = new Module("t");
        var line = Here() + 1;
        m.Output("y", 8);

        Single(m, DiagnosticKind.Undriven, "t: output 'y' is never driven", line);
    }

    [Fact]
    public void Undriven_wire_is_reported_at_its_declaration()
    {
        var m = new Module("t");
        var y = m.Output("y", 8);
        var line = Here() + 1;
        var w = m.Wire("w", 8);
        m.Assign(y, w);

        Single(m, DiagnosticKind.Undriven, "t: wire 'w' is never driven", line);
    }

    [Fact]
    public void Driving_an_instance_output_is_a_second_driver()
    {
        var child = Passthrough();
        var m = new Module("t");
        var a = m.Input("a", 8);
        var y = m.Output("y", 8);
        var u = m.Instance(child, "u").Connect("a", a);
        m.Assign(y, u.Output("y"));
        var line = Here() + 1;
        m.Assign(u.Output("y"), a);

        Single(m, DiagnosticKind.MultipleDrivers, "t: 'u_y' is assigned here but is driven by instance 'u'", line);
    }

    [Fact]
    public void Combinational_loop_through_wires()
    {
        var m = new Module("t");
        var a = m.Input("a", 8);
        var y = m.Output("y", 8);
        var p = m.Wire("p", 8);
        var q = m.Wire("q", 8);
        var line = Here() + 1;
        m.Assign(p, q ^ a);
        m.Assign(q, p);
        m.Assign(y, q);

        Single(m, DiagnosticKind.CombinationalLoop, "t: combinational loop through 'p', 'q'", line);
    }

    [Fact]
    public void Combinational_loop_through_a_condition_and_a_child_module()
    {
        var child = Passthrough();
        var m = new Module("t");
        var a = m.Input("a", 8);
        var y = m.Output("y", 8);
        var w = m.Wire("w", 8);
        var u = m.Instance(child, "u").Connect("a", w);
        var line = Here() + 1;
        m.When(u.Output("y").Eq(0), () => m.Assign(w, a));
        m.Assign(y, w);

        Single(m, DiagnosticKind.CombinationalLoop, "t: combinational loop through 'w', 'u_y'", line);
    }

    [Fact]
    public void A_register_breaks_a_loop()
    {
        var m = new Module("t");
        var d = m.ClockDomain();
        var y = m.Output("y", 8);
        var r = m.Reg("r", 8, d);
        m.Assign(r, (r + 1).Truncate(8));
        m.Assign(y, r);

        Assert.Empty(Elaborator.Check(m));
    }

    [Fact]
    public void Unconnected_instance_input_is_reported_at_the_instance()
    {
        var child = Passthrough();
        var m = new Module("t");
        var y = m.Output("y", 8);
        var line = Here() + 1;
        var u = m.Instance(child, "u");
        m.Assign(y, u.Output("y"));

        Single(m, DiagnosticKind.UnconnectedPort, "t: input 'a' of instance 'u' (module 'pass') is not connected", line);
    }

    [Fact]
    public void Name_clash_points_at_both_lines()
    {
        var m = new Module("t");
        var first = Here() + 1;
        var y = m.Output("x", 1);
        var line = Here() + 1;
        var x = m.Wire("x", 1);
        m.Assign(y, 1);
        m.Assign(x, 0);

        Single(m, DiagnosticKind.NameClash, $"t: name 'x' is already used (at {File}:{first})", line);
    }

    [Fact]
    public void Zero_width_is_reported()
    {
        var m = new Module("t");
        var line = Here() + 1;
        var w = m.Input("w", 0);

        Single(m, DiagnosticKind.InvalidWidth, "t: input 'w' must have a positive width, has 0", line);
    }

    [Fact]
    public void Negative_constant_width_is_reported_at_the_constant()
    {
        var m = new Module("t");
        var y = m.Output("y", 1);
        var line = Here() + 1;
        var c = Hw.Const(0, -3);
        m.Assign(y, c);

        Single(m, DiagnosticKind.InvalidWidth, "t: constant width must be positive, is -3", line);
    }

    [Fact]
    public void Memory_address_out_of_range_constant_and_too_wide()
    {
        var m = new Module("t");
        var d = m.ClockDomain();
        var wide = m.Input("addr", 5);
        var y = m.Output("y", 8);
        var mem = m.Memory("mem", 8, 16);
        var constantLine = Here() + 1;
        mem.Write(d, Hw.Const(20, 5), Hw.Const(1, 8), Hw.Const(1, 1));
        var wideLine = Here() + 1;
        m.Assign(y, mem.Read(d, wide));

        var diagnostics = Elaborator.Check(m);
        Assert.Equal(2, diagnostics.Count);
        AssertDiagnostic(diagnostics[0], DiagnosticKind.AddressOutOfRange, "t: address 20 of memory 'mem' is out of range [0, 16)", constantLine);
        AssertDiagnostic(diagnostics[1], DiagnosticKind.AddressOutOfRange,
            "t: address of memory 'mem' is 5 bits wide and reaches 31, out of range [0, 16)", wideLine);
    }

    [Fact]
    public void Net_array_element_driven_twice()
    {
        var cell = Passthrough();
        var m = new Module("t");
        var bus = m.Input("bus", 32);
        var h = m.NetArray("h", 8, [4, 3]);
        var cells = m.InstanceArray(cell, "pe", [4, 2]);
        cells.Connect("a", h[Ix.I, Ix.J + 1]);
        cells.Connect("y", h[Ix.I, Ix.J]);
        var line = Here() + 1;
        m.Unpack(bus, h[Ix.I, 0]);

        Single(m, DiagnosticKind.MultipleDrivers,
            "t: elements of net array 'h' are driven by both port 'y' of instance array 'pe' and Unpack", line);
    }

    [Fact]
    public void Net_array_elements_never_driven()
    {
        var cell = Passthrough();
        var m = new Module("t");
        var line = Here() + 1;
        var h = m.NetArray("h", 8, [4, 3]);
        var cells = m.InstanceArray(cell, "pe", [4, 2]);
        cells.Connect("a", h[Ix.I, Ix.J]);
        cells.Connect("y", h[Ix.I, Ix.J + 1]);

        Single(m, DiagnosticKind.Undriven, "t: 4 of the 12 elements of net array 'h' are never driven", line);
    }

    [Fact]
    public void Instance_array_port_left_unconnected()
    {
        var cell = Passthrough();
        var m = new Module("t");
        var bus = m.Input("bus", 32);
        var h = m.NetArray("h", 8, [4]);
        m.Unpack(bus, h[Ix.I]);
        var line = Here() + 1;
        var cells = m.InstanceArray(cell, "pe", [4]);
        cells.Connect("a", h[Ix.I]);

        Single(m, DiagnosticKind.UnconnectedPort, "t: port 'y' of instance array 'pe' (module 'pass') is not connected", line);
    }

    [Fact]
    public void Net_array_index_out_of_range()
    {
        var cell = Passthrough();
        var m = new Module("t");
        var bus = m.Input("bus", 16);
        var h = m.NetArray("h", 8, [2, 3]);
        var cells = m.InstanceArray(cell, "pe", [2, 2]);
        cells.Connect("a", h[Ix.I, Ix.J]);
        var line = Here() + 1;
        cells.Connect("y", h[Ix.I, Ix.J + 2]);
        m.Unpack(bus, h[Ix.I, 0]);

        var diagnostics = Elaborator.Check(m);
        AssertDiagnostic(diagnostics[0], DiagnosticKind.IndexOutOfRange,
            "t: index 1 of 'h[i][j+2]' in port 'y' of instance array 'pe' spans [2, 3], out of range [0, 3)", line);
    }

    [Fact]
    public void All_errors_are_reported_together_in_creation_order_and_emission_stops()
    {
        var m = new Module("t");
        var a = m.Input("a", 8);
        var first = Here() + 1;
        var y = m.Output("y", 4);
        var second = Here() + 1;
        m.Wire("a", 2);
        var third = Here() + 1;
        m.Assign(y, a);

        var error = Assert.Throws<HdlElaborationException>(() => VerilogEmitter.Emit(m, Examples.Options));
        Assert.Equal(
            [
                $"{File}:{second}: error: t: name 'a' is already used (at {File}:{first - 2})",
                $"{File}:{third}: error: t: assigning a 8-bit unsigned value to 4-bit unsigned 'y': use Truncate(4)",
                $"{File}:{second}: error: t: wire 'a' is never driven",
            ],
            error.Diagnostics.Select(d => d.ToString()));
        Assert.StartsWith("3 elaboration error(s):\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Part_assignment_out_of_the_target_is_reported()
    {
        var m = new Module("t");
        var a = m.Input("a", 4);
        var y = m.Output("y", 8);
        m.Assign(y, 0);
        var line = Here() + 1;
        m.AssignPart(y, 6, a);

        Single(m, DiagnosticKind.IndexOutOfRange, "t: part [9:6] of 8-bit unsigned 'y' is out of range", line);
    }

    [Fact]
    public void Part_assignment_of_a_signed_value_names_the_fix()
    {
        var m = new Module("t");
        var a = m.Input("a", 4, signed: true);
        var y = m.Output("y", 8);
        m.Assign(y, 0);
        var line = Here() + 1;
        m.AssignPart(y, 0, a);

        Single(m, DiagnosticKind.SignednessMismatch, "t: assigning a 4-bit signed value to a part of 'y' (parts are unsigned): use AsUnsigned()", line);
    }

    private static Module Passthrough()
    {
        var m = new Module("pass");
        var a = m.Input("a", 8);
        var y = m.Output("y", 8);
        m.Assign(y, a);
        return m;
    }

    private static void Single(Module m, DiagnosticKind kind, string message, int line)
    {
        var diagnostic = Assert.Single(Elaborator.Check(m));
        AssertDiagnostic(diagnostic, kind, message, line);
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, DiagnosticKind kind, string message, int line)
    {
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(kind, diagnostic.Kind);
        Assert.Equal(new SourceLocation(File, line), diagnostic.Location);
    }

    private static int Here([CallerLineNumber] int line = 0) => line;
}
