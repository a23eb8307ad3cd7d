using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>The two banks of a tile (bank = top address bit), as inferred block RAM or as
/// <c>lpu_sram_*</c> wrapper instances; one read and one write port each.</summary>
internal static class TileBanks
{
    /// <summary>Builds both banks and returns how to pick the word read in the previous cycle.</summary>
    public static BankRead Build(Module m, ClockDomain d, MemShape shape, RtlOptions options,
        Expr re, Expr raddr, Expr we, Expr waddr, Expr wdata)
    {
        var top = shape.AddressBits - 1;
        var readBank = m.Reg("read_bank", 1, d, enable: re);
        m.Assign(readBank, raddr[top]);
        var macro = options.SramMacros ? SramMacroGenerator.Create(shape.BankDepth, shape.WordBits) : null;
        var data = new Expr[2];
        for (var bank = 0; bank < 2; bank++)
        {
            var selected = bank == 0 ? ~raddr[top] : raddr[top];
            var writeSelected = bank == 0 ? ~waddr[top] : waddr[top];
            var bankRe = re & selected;
            var bankWe = we & writeSelected;
            var bankRaddr = InBank(shape, raddr);
            var bankWaddr = InBank(shape, waddr);
            if (macro is null)
            {
                var memory = m.Memory($"bank{bank}", shape.WordBits, shape.BankDepth);
                data[bank] = memory.Read(d, bankRaddr, bankRe, $"bank{bank}_rd");
                memory.Write(d, bankWaddr, wdata, bankWe);
            }
            else
            {
                var instance = m.Instance(macro, $"bank{bank}");
                instance.Connect("clk", d.Clock)
                    .Connect("re", bankRe)
                    .Connect("raddr", bankRaddr)
                    .Connect("we", bankWe)
                    .Connect("waddr", bankWaddr)
                    .Connect("wdata", wdata);
                data[bank] = instance.Output("rdata");
            }
        }

        return new BankRead(readBank, data[0], data[1]);
    }

    /// <summary>The address inside a bank: all bits but the top one (a one-word bank takes address 0).</summary>
    private static Expr InBank(MemShape shape, Expr address) =>
        shape.AddressBits > 1 ? address[shape.AddressBits - 2, 0] : Hw.Const(0, 1);
}

/// <summary>The registered read data of both banks and the bank the last read used.</summary>
internal sealed record BankRead(Expr Bank, Expr Data0, Expr Data1)
{
    /// <summary>A new multiplexer picking the word read in the previous cycle. Each call builds its own
    /// node, so a use inside a guarded block reads the registers themselves rather than a shared
    /// continuously assigned temporary (see <c>MemTileGenerator</c>).</summary>
    public Expr Word() => Hw.Mux(Bank, Data1, Data0);
}
