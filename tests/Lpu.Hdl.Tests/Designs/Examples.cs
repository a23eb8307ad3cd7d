using Lpu.Hdl.Ir;
using Lpu.Hdl.Verilog;

namespace Lpu.Hdl.Tests.Designs;

/// <summary>Representative modules used by the emitter, tool and simulation tests.</summary>
public static class Examples
{
    public static readonly EmitOptions Options = new("0.1.0-test", "cfg-0123456789abcdef");

    /// <summary>Signed 8x8 multiply-accumulate into a 32-bit register, with a clear and an enable.</summary>
    public static Module Mac()
    {
        var m = new Module("mac");
        var d = m.ClockDomain();
        var a = m.Input("a", 8, signed: true);
        var b = m.Input("b", 8, signed: true);
        var en = m.Input("en");
        var clear = m.Input("clear");
        var acc = m.Reg("acc", 32, d, signed: true, enable: en);
        var y = m.Output("y", 32, signed: true);

        var product = (a * b).SignExtend(32);
        m.When(clear, () => m.Assign(acc, product))
         .Otherwise(() => m.Assign(acc, (acc + product).Truncate(32)));
        m.Assign(y, acc);
        return m;
    }

    /// <summary>A FIFO of <paramref name="depth"/> (a power of two) words on a block-RAM-style memory.
    /// Read data appears the cycle after <c>pop</c>.</summary>
    public static Module Fifo(int width = 8, int depth = 16)
    {
        var aw = (int)Math.Log2(depth);
        var m = new Module("fifo");
        var d = m.ClockDomain();
        var push = m.Input("push");
        var pop = m.Input("pop");
        var din = m.Input("din", width);
        var dout = m.Output("dout", width);
        var full = m.Output("full");
        var empty = m.Output("empty");

        var wr = m.Reg("wr_ptr", aw + 1, d);
        var rd = m.Reg("rd_ptr", aw + 1, d);
        var count = m.Wire("count", aw + 1);
        m.Assign(count, (wr - rd).Truncate(aw + 1));
        m.Assign(full, count.Eq(depth));
        m.Assign(empty, count.Eq(0));

        var doPush = m.Wire("do_push");
        var doPop = m.Wire("do_pop");
        m.Assign(doPush, push & ~full);
        m.Assign(doPop, pop & ~empty);

        var mem = m.Memory("mem", width, depth);
        mem.Write(d, wr[aw - 1, 0], din, doPush);
        var data = mem.Read(d, rd[aw - 1, 0], doPop, "rdata");
        m.Assign(dout, data);

        m.When(doPush, () => m.Assign(wr, (wr + 1).Truncate(aw + 1)));
        m.When(doPop, () => m.Assign(rd, (rd + 1).Truncate(aw + 1)));
        return m;
    }

    /// <summary>Switch with a default, when / else-when, wire defaults, last-assignment-wins on a register
    /// with a synchronous active-high reset to 7.</summary>
    public static Module Control()
    {
        var m = new Module("ctrl");
        var d = m.ClockDomain("clk", "rst", ResetStyle.SyncActiveHigh);
        var op = m.Input("op", 2);
        var x = m.Input("x", 8);
        var y = m.Input("y", 8);
        var go = m.Input("go");
        var rOut = m.Output("r_out", 8);
        var flagOut = m.Output("flag_out");
        var accOut = m.Output("acc_out", 8);

        var r = m.Wire("r", 8, defaultValue: 0x55);
        m.Switch(op)
            .Case(0, () => m.Assign(r, (x + y).Truncate(8)))
            .Case(1, () => m.Assign(r, (x - y).Truncate(8)))
            .Case(2, () => m.Assign(r, x & y));

        var flag = m.Wire("flag");
        m.When(x > y, () => m.Assign(flag, 1))
            .ElseWhen(x.Eq(y), () => m.Assign(flag, go))
            .Otherwise(() => { });

        var acc = m.Reg("acc", 8, d, resetValue: 7);
        m.When(go, () => m.Assign(acc, (acc + r).Truncate(8)));
        m.When(op.Eq(3) & go, () => m.Assign(acc, 0));

        m.Assign(rOut, r);
        m.Assign(flagOut, flag);
        m.Assign(accOut, acc);
        return m;
    }
}
