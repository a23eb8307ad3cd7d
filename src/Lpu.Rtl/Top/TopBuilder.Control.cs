using Lpu.Architecture.Isa;
using Lpu.Hdl;
using Lpu.Hdl.Ir;
using Lpu.Rtl.Icu;

namespace Lpu.Rtl.Top;

internal sealed partial class TopBuilder
{
    private Signal? doneNow;

    /// <summary>
    /// START (sampled at the end of cycle h) primes the queues in h + 1 (cycle = all ones); program
    /// cycle 0 is h + 2. <c>done</c> rises in program cycle D = last issue + SL + dmax + 1 once every
    /// queue is finished (cycle 0 for an empty program) and stays high until the next START.
    /// </summary>
    private void BuildControl()
    {
        var w = QueueGenerator.CycleWidth;
        var done = m.Reg("done_state", 1, d);
        var issued = m.Reg("issued", 1, d);
        var last = m.Reg("last_issue", w, d);
        var anyIssue = OrAll(queues.Select(q => (Expr)q.Queue.Output("issue_valid")));
        var finished = AndAll(queues.Select(q => (Expr)q.Queue.Output("finished")));
        var landed = (last.ZeroExtend(w + 1) + (c.Superlanes + InstructionSet.MaxLatency(c) + 1)).Truncate(w + 1);
        doneNow = m.Wire("done_now");
        var doneNowWire = doneNow;
        m.Assign(doneNowWire, run & finished & (!issued | (cycle.ZeroExtend(w + 1) >= landed)));

        m.When(start, () =>
        {
            m.Assign(running, 1);
            m.Assign(prime, 1);
            m.Assign(done, 0);
            m.Assign(issued, 0);
            m.Assign(cycle, Hw.Const(System.Numerics.BigInteger.Pow(2, w) - 1, w));
        }).ElseWhen(prime, () =>
        {
            m.Assign(prime, 0);
            m.Assign(cycle, 0);
        }).ElseWhen(run, () =>
        {
            m.When(anyIssue, () =>
            {
                m.Assign(issued, 1);
                m.Assign(last, cycle);
            });
            m.When(doneNowWire, () =>
            {
                m.Assign(done, 1);
                m.Assign(running, 0);
            }).Otherwise(() => m.Assign(cycle, (cycle + 1).Truncate(w)));
        });
        m.Assign(busy, running & !doneNowWire);
        m.Assign(runningOut, busy);
        m.Assign(doneOut, done | doneNowWire);
        m.Assign(cycleOut, cycle);
    }

    /// <summary>
    /// The chip-wide power mask: a <c>config</c> issued at t sets superlane k's state from t + k + 1,
    /// so the mask travels one superlane per cycle. All powered at reset and at START.
    /// </summary>
    private Signal BuildPower()
    {
        var sl = c.Superlanes;
        var spec = InstructionSet.ByMnemonic("config")!;
        var field = spec.Fields[spec.FieldIndex("mask")];
        var powered = m.Reg("powered", sl, d, resetValue: (1L << sl) - 1);
        Expr cfgValid = Hw.Const(0, 1);
        Expr cfgMask = Hw.Const(0, sl);

        // Lower queues win: no checked program issues two configs in one cycle.
        foreach (var (_, q) in Enumerable.Reverse(queues))
        {
            var word = q.Output("issue_word");
            var hit = q.Output("issue_valid") & word[63, 56].Eq(spec.Opcode);
            cfgMask = Hw.Mux(hit, word[field.Lsb + sl - 1, field.Lsb], cfgMask);
            cfgValid = hit | cfgValid;
        }

        var vNow = m.Wire("config_valid");
        var mNow = m.Wire("config_mask", sl);
        m.Assign(vNow, cfgValid & run);
        m.Assign(mNow, cfgMask);
        var pipeValid = new List<Signal>();
        var pipeMask = new List<Signal>();
        for (var j = 0; j < sl - 1; j++)
        {
            var v = m.Reg($"config_valid_{j}", 1, d);
            var mask = m.Reg($"config_mask_{j}", sl, d);
            m.When(prime, () => m.Assign(v, 0)).Otherwise(() => m.Assign(v, j == 0 ? vNow : pipeValid[j - 1]));
            m.Assign(mask, j == 0 ? mNow : pipeMask[j - 1]);
            pipeValid.Add(v);
            pipeMask.Add(mask);
        }

        var next = new List<Expr>();
        for (var k = sl - 1; k >= 0; k--)
        {
            var v = k == 0 ? (Expr)vNow : pipeValid[k - 1];
            var mask = k == 0 ? (Expr)mNow : pipeMask[k - 1];
            next.Add(Hw.Mux(v, mask[k], powered[k]));
        }

        m.When(prime, () => m.Assign(powered, (1L << sl) - 1)).Otherwise(() => m.Assign(powered, Hw.Concat([.. next])));
        return powered;
    }
}
