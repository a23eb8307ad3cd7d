using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Top;

internal sealed partial class TopBuilder
{
    private const int CounterWidth = 32;

    /// <summary>Counters 0-5 (cleared by START) and the read-back path of READ_SRAM_RAW and
    /// READ_COUNTER: the answer is on <c>host_rdata</c> with <c>host_rvalid</c> <see cref="HostReadLatency"/> cycles
    /// after the command.</summary>
    private void BuildHost()
    {
        var sl = c.Superlanes;
        var counters = new List<Signal>();
        var names = new[] { "cycles", "issued", "sram_reads", "sram_writes", "ecc_corrected", "ecc_uncorrectable" };
        var increments = new Expr[]
        {
            (run & !doneNow!).ZeroExtend(CounterWidth),
            Count(queues.Select(q => (Expr)q.Queue.Output("issue_valid")), CounterWidth),
            Count(SliceBits("sram_read", sl), CounterWidth),
            Count(SliceBits("sram_we", sl), CounterWidth),
            Count(SliceBits("ecc_corrected", sl), CounterWidth),
            Count(SliceBits("ecc_uncorrectable", sl), CounterWidth),
        };
        for (var i = 0; i < names.Length; i++)
        {
            var r = m.Reg($"count_{names[i]}", CounterWidth, d);
            var inc = increments[i];
            m.When(start, () => m.Assign(r, 0)).ElseWhen(running, () => m.Assign(r, (r + inc).Truncate(CounterWidth)));
            counters.Add(r);
        }

        Expr counter = Hw.Const(0, CounterWidth);
        for (var i = counters.Count - 1; i >= 0; i--)
            counter = Hw.Mux(hostAddr[15, 0].Eq(i), counters[i], counter);

        var sramRead = HostIs(HostOp.ReadSramRaw) & !busy;
        var v1 = m.Reg("rd1_valid", 1, d);
        var isCounter1 = m.Reg("rd1_counter", 1, d);
        var value1 = m.Reg("rd1_value", CounterWidth, d);
        var slice1 = m.Reg("rd1_slice", 8, d);
        m.Assign(v1, sramRead | HostIs(HostOp.ReadCounter));
        m.Assign(isCounter1, HostIs(HostOp.ReadCounter));
        m.Assign(value1, counter);
        m.Assign(slice1, hostAddr[31, 24]);
        var v2 = m.Reg("rd2_valid", 1, d);
        var isCounter2 = m.Reg("rd2_counter", 1, d);
        var value2 = m.Reg("rd2_value", CounterWidth, d);
        var slice2 = m.Reg("rd2_slice", 8, d);
        m.Assign(v2, v1);
        m.Assign(isCounter2, isCounter1);
        m.Assign(value2, value1);
        m.Assign(slice2, slice1);

        Expr sram = Hw.Const(0, HostDataWidth);
        for (var i = slices.Count - 1; i >= 0; i--)
            sram = Hw.Mux(slice2.Eq(i), slices[i].Output("host_rdata"), sram);
        m.Assign(hostRvalid, v2);
        m.Assign(hostRdata, Hw.Mux(isCounter2, value2.ZeroExtend(HostDataWidth), sram));
    }

    private IEnumerable<Expr> SliceBits(string port, int width) =>
        slices.SelectMany(s => Enumerable.Range(0, width).Select(k => s.Output(port)[k]));
}
