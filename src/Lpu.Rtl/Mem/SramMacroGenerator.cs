using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>
/// Generates <c>lpu_sram_&lt;depth&gt;x&lt;width&gt;</c>: one bank behind a named wrapper (one synchronous
/// read port <c>re/raddr/rdata</c>, one write port <c>we/waddr/wdata</c>, no reset) that an ASIC flow
/// replaces with an SRAM macro of the same name (<c>--sram-macros</c>). The body is the same block
/// RAM the banks use without the option.
/// </summary>
public static class SramMacroGenerator
{
    /// <summary>The wrapper's module name for a <paramref name="depth"/> x <paramref name="width"/> bank.</summary>
    public static string NameOf(int depth, int width) => $"lpu_sram_{depth}x{width}";

    /// <summary>The wrapper of a <paramref name="depth"/> x <paramref name="width"/> memory.</summary>
    public static Module Create(int depth, int width)
    {
        var m = new Module(NameOf(depth, width));
        var domain = m.ClockDomain("clk", null);
        var addressBits = AddressBits(depth);
        var re = m.Input("re");
        var raddr = m.Input("raddr", addressBits);
        var rdata = m.Output("rdata", width);
        var we = m.Input("we");
        var waddr = m.Input("waddr", addressBits);
        var wdata = m.Input("wdata", width);

        var memory = m.Memory("mem", width, depth);
        m.Assign(rdata, memory.Read(domain, raddr, re, "mem_rd"));
        memory.Write(domain, waddr, wdata, we);
        return m;
    }

    /// <summary>Address bits of a memory of <paramref name="depth"/> words (at least 1, as <see cref="Memory"/>).</summary>
    public static int AddressBits(int depth) => Math.Max(1, (int)Math.Ceiling(Math.Log2(depth)));
}
