using System.Numerics;
using System.Text;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Verilator;

namespace Lpu.Rtl.Tests.Rtl;

/// <summary>
/// Drives a Verilator build of <c>lpu_top</c> through its host port exactly as docs/rtl.md describes
/// it (load queues and SRAM, START, run to <c>done</c>, read back) and turns the <c>trace</c> output into
/// the text lines of architecture.md §10, decoded only from the documented <see cref="TraceLayout"/>.
/// </summary>
internal sealed class TopHarness : IDisposable
{
    private readonly RtlDesign design;
    private readonly VerilatorSimulation sim;
    private readonly Floorplan plan;
    private readonly uint[] trace;
    private readonly int valid;
    private readonly int op;
    private readonly int addr;
    private readonly int wdata;
    private readonly int rdata;
    private readonly int rvalid;
    private readonly int done;
    private readonly int cycle;
    private readonly int traceIndex;

    public TopHarness(RtlDesign design, VerilatorBuildResult build)
    {
        this.design = design;
        sim = build.CreateSimulation();
        plan = new Floorplan(design.Config);
        valid = sim.PortIndex("host_valid");
        op = sim.PortIndex("host_op");
        addr = sim.PortIndex("host_addr");
        wdata = sim.PortIndex("host_wdata");
        rdata = sim.PortIndex("host_rdata");
        rvalid = sim.PortIndex("host_rvalid");
        done = sim.PortIndex("done");
        cycle = sim.PortIndex("cycle");
        traceIndex = sim.PortIndex("events");
        trace = new uint[(design.Trace.Width + 31) / 32];
        var reset = sim.PortIndex("rst_n");
        sim.SetInput(reset, 0);
        sim.Tick(2);
        sim.SetInput(reset, 1);
        sim.Tick();
    }

    /// <summary>The Verilator port list of an <see cref="RtlDesign"/>.</summary>
    public static VerilatorDesign Describe(RtlDesign design) => new(
        design.Verilog.Modules.Select(f => new VerilatorSource(f.Name, f.Text)),
        design.Top,
        design.Ports.Select(p => p.IsInput ? VerilatorPort.Input(p.Name, p.Width) : VerilatorPort.Output(p.Name, p.Width)),
        "clk");

    /// <summary>One host command in one cycle.</summary>
    public void Host(int command, int unit, int tile, int entry, BigInteger data)
    {
        sim.SetInput(valid, 1);
        sim.SetInput(op, (ulong)command);
        sim.SetInput(addr, ((ulong)(uint)unit << 24) | ((ulong)(uint)tile << 16) | (uint)entry);
        SetWide(wdata, design.HostDataWidth, data);
        sim.Tick();
        sim.SetInput(valid, 0);
    }

    /// <summary>Loads the queues the RTL has and the program's SRAM data (host writes, check bits generated).</summary>
    public void Load(LpuProgram program)
    {
        foreach (var q in design.Queues)
        {
            var list = program.Queues[q];
            for (var i = 0; i < list.Count; i++)
                Host(1, q, 0, i, list[i].Encode());
            Host(2, q, 0, 0, list.Count);
        }

        var vl = design.Config.VectorLength;
        var l = design.Config.LanesPerSuperlane;
        foreach (var block in program.Data)
        {
            for (var w = 0; w < block.WordCount(vl); w++)
            {
                for (var k = 0; k < design.Config.Superlanes; k++)
                    Host(3, block.Slice, k, block.Address + w, Bytes(block.Bytes.AsSpan((w * vl) + (k * l), l)));
            }
        }
    }

    /// <summary>START, then runs to <c>done</c>; returns the trace lines per program cycle and D.</summary>
    public (List<string> Lines, long Done) Run(int maxCycles = 100_000)
    {
        Host(7, 0, 0, 0, 0);
        sim.Tick((ulong)design.HostCommandDelay);   // until START acts: before, cycle and done still show the last run
        var lines = new List<string>();
        for (var n = 0; n < maxCycles + 2; n++)
        {
            sim.Eval();
            var c = sim.GetOutput(cycle);
            if (c != uint.MaxValue)
            {
                if (sim.GetOutput(done) == 1)
                    return (lines, (long)c);
                Decode((long)c, lines);
            }

            sim.Tick();
        }

        throw new InvalidOperationException($"not done after {maxCycles} cycles");
    }

    /// <summary>READ_SRAM_RAW: <c>{check, data}</c> of a tile word.</summary>
    public BigInteger ReadRaw(int slice, int tile, int word)
    {
        Host(5, slice, tile, word, 0);
        sim.Tick((ulong)design.HostReadLatency - 1);
        sim.Eval();
        Assert.Equal(1UL, sim.GetOutput(rvalid));
        return GetWide(rdata, design.HostDataWidth);
    }

    /// <summary>The data bytes of a tile word as stored (check bits dropped).</summary>
    public byte[] ReadTile(int slice, int tile, int word)
    {
        var value = ReadRaw(slice, tile, word);
        return [.. Enumerable.Range(0, design.Config.LanesPerSuperlane).Select(i => (byte)((value >> (8 * i)) & 0xFF))];
    }

    /// <summary>Flips one stored bit (data bits first, then the check field) by a raw read and a raw write.</summary>
    public void FlipBit(int slice, int tile, int word, int bit) =>
        Host(4, slice, tile, word, ReadRaw(slice, tile, word) ^ (BigInteger.One << bit));

    /// <summary>READ_COUNTER.</summary>
    public ulong Counter(int index)
    {
        Host(6, 0, 0, index, 0);
        sim.Tick((ulong)design.HostReadLatency - 1);
        sim.Eval();
        Assert.Equal(1UL, sim.GetOutput(rvalid));
        return (ulong)(GetWide(rdata, design.HostDataWidth) & ulong.MaxValue);
    }

    public void Dispose() => sim.Dispose();

    private static BigInteger Bytes(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    private void Decode(long c, List<string> lines)
    {
        sim.GetOutput(traceIndex, trace);
        var l = design.Config.LanesPerSuperlane;
        for (var i = 0; i < design.Trace.Fields.Count; i++)
        {
            // The summary bit above the fields says exactly which fields hold an event.
            var f = design.Trace.Fields[i];
            var holds = f.Kind == TraceKind.Ecc ? Bit(f.Offset) || Bit(f.Offset + 1) : Bit(f.Offset);
            Assert.True(holds == Bit(design.Trace.SummaryOffset + i), $"cycle {c}: summary bit {i} ({f}) disagrees with its field");
        }

        foreach (var f in design.Trace.Fields)
        {
            var (o, data) = (f.Offset, f.DataOffset);
            switch (f.Kind)
            {
                case TraceKind.MemStream when Bit(o):
                    lines.Add($"{c} S {plan.SlicePosition(f.Unit)} {Stream((int)Bits(o + 1, 7))} {f.Superlane} {Hex(data, l)}");
                    break;
                case TraceKind.VxmStream when Bit(o):
                    var code = (int)Bits(o + 1, 7);
                    for (var j = 0; j < (int)Bits(o + 8, 3); j++)
                        lines.Add($"{c} S {plan.VxmPosition} {Stream(code + j)} {f.Superlane} {Hex(data + (8 * l * j), l)}");
                    break;
                case TraceKind.SramWrite when Bit(o):
                    lines.Add($"{c} M {f.Unit} {f.Superlane} {Bits(o + 1, 16)} {Hex(data, l)}");
                    break;
                case TraceKind.Ecc when Bit(o) || Bit(o + 1):
                    lines.Add($"{c} E {f.Unit} {f.Superlane} {Bits(o + 2, 16)} {(Bit(o) ? 'C' : 'U')}");
                    break;
                case TraceKind.Issue when Bit(o):
                    lines.Add($"{c} I {f.Unit} {Bits(data, 64):x16}");
                    break;
                default:
                    break;
            }
        }
    }

    private static string Stream(int code) => $"{((code & 64) != 0 ? 'w' : 'e')}{code & 63}";

    private bool Bit(int at) => ((trace[at / 32] >> (at % 32)) & 1) != 0;

    private ulong Bits(int at, int width)
    {
        ulong v = 0;
        for (var i = width - 1; i >= 0; i--)
            v = (v << 1) | (Bit(at + i) ? 1UL : 0UL);
        return v;
    }

    private string Hex(int at, int bytes)
    {
        var text = new StringBuilder();
        for (var i = 0; i < bytes; i++)
            text.Append($"{Bits(at + (8 * i), 8):x2}");
        return text.ToString();
    }

    private void SetWide(int port, int width, BigInteger value)
    {
        if (width <= 64)
        {
            sim.SetInput(port, (ulong)value);
            return;
        }

        var words = new uint[(width + 31) / 32];
        for (var i = 0; i < words.Length; i++)
            words[i] = (uint)((value >> (32 * i)) & uint.MaxValue);
        sim.SetInput(port, words);
    }

    private BigInteger GetWide(int port, int width)
    {
        if (width <= 64)
            return sim.GetOutput(port);
        var words = new uint[(width + 31) / 32];
        sim.GetOutput(port, words);
        var value = BigInteger.Zero;
        for (var i = words.Length - 1; i >= 0; i--)
            value = (value << 32) | words[i];
        return value;
    }
}
