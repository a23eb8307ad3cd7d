using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Tests.Designs;

/// <summary>Hierarchical designs for dedup, naming and instance-array tests.</summary>
public static class Hierarchies
{
    /// <summary>A register stage named after a Verilog keyword, with awkward port names.</summary>
    public static Module Cell(int width)
    {
        var m = new Module("cell");
        var d = m.ClockDomain();
        var input = m.Input("in", width);
        var output = m.Output("wire", width);
        var r = m.Reg("reg", width, d);
        m.Assign(r, input);
        m.Assign(output, r);
        return m;
    }

    /// <summary>Two identical 8-bit cells (built separately: emitted once), a 4-bit cell with the same name
    /// (emitted as <c>cell_1</c>), and names that need legalizing.</summary>
    public static Module Top()
    {
        var m = new Module("top");
        var d = m.ClockDomain();
        var x = m.Input("x", 8);
        var y = m.Output("y", 8);
        var z = m.Output("z", 4);
        var always = m.Wire("always", 8);
        var dotted = m.Wire("a.b-c", 8);

        var first = m.Instance(Cell(8), "u0").Connect("clk", d.Clock).Connect("rst_n", d.Reset!).Connect("in", x);
        var second = m.Instance(Cell(8), "u1").Connect("clk", d.Clock).Connect("rst_n", d.Reset!).Connect("in", first.Output("wire"));
        m.Assign(always, second.Output("wire"));
        m.Assign(dotted, ~always);
        m.Assign(y, dotted);
        var narrow = m.Instance(Cell(4), "u2").Connect("clk", d.Clock).Connect("rst_n", d.Reset!).Connect("in", x[3, 0]);
        m.Assign(z, narrow.Output("wire"));
        return m;
    }

    /// <summary>A rows x cols grid of register cells: values enter on the west edge (one byte per row, from
    /// the <c>west</c> bus) and leave on the east edge after <c>cols</c> cycles.</summary>
    public static Module Grid(int rows, int cols)
    {
        var cell = new Module("pe");
        var cd = cell.ClockDomain();
        var a = cell.Input("a", 8);
        var b = cell.Output("b", 8);
        var r = cell.Reg("r", 8, cd);
        cell.Assign(r, (a + 1).Truncate(8));
        cell.Assign(b, r);

        var m = new Module("grid");
        var d = m.ClockDomain();
        var west = m.Input("west", 8 * rows);
        var east = m.Output("east", 8 * rows);
        var h = m.NetArray("h", 8, [rows, cols + 1]);
        m.Unpack(west, h[Ix.I, 0]);
        m.InstanceArray(cell, "pe", [rows, cols])
            .Connect("clk", d.Clock)
            .Connect("rst_n", d.Reset!)
            .Connect("a", h[Ix.I, Ix.J])
            .Connect("b", h[Ix.I, Ix.J + 1]);
        m.Pack(east, h[Ix.I, cols]);
        return m;
    }
}
