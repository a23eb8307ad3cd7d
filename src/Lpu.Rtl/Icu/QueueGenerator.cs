using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Icu;

/// <summary>
/// Produces <c>lpu_queue</c>: one instruction queue of <c>icu.queueDepth</c> x 64 bits (block RAM,
/// written by the host, read synchronously) and its in-order issue logic (architecture.md §4, §11):
/// ordinary instructions, <c>nop</c>, <c>repeat</c> with its step, <c>sync</c> and <c>notify</c>.
/// <c>prime</c> (the cycle before program cycle 0) restarts it; <c>run</c> marks program cycles.
/// Field positions come from the instruction table.
/// </summary>
public static partial class QueueGenerator
{
    /// <summary>Width of the program cycle counter the queue compares against.</summary>
    public const int CycleWidth = 32;

    /// <summary>Width of the host's queue length.</summary>
    public const int LengthWidth = 16;

    /// <summary>Builds the module for <paramref name="config"/>.</summary>
    public static Module Create(LpuConfig config)
    {
        var m = new Module("lpu_queue");
        var d = m.ClockDomain();
        var prime = m.Input("prime");
        var run = m.Input("run");
        var cycle = m.Input("cycle", CycleWidth);
        var notifyIn = m.Input("notify_in");
        var entries = m.Memory("entries", 64, config.Icu.QueueDepth);
        var loadWe = m.Input("load_we");
        var loadAddr = m.Input("load_addr", entries.AddressWidth);
        var loadData = m.Input("load_data", 64);
        var lenWe = m.Input("len_we");
        var lenData = m.Input("len_data", LengthWidth);
        var issueValid = m.Output("issue_valid");
        var issueWord = m.Output("issue_word", 64);
        var notifyOut = m.Output("notify_out");
        var finished = m.Output("finished");

        entries.Write(d, loadAddr, loadData, loadWe);
        var length = m.Reg("length", LengthWidth, d, enable: lenWe);
        m.Assign(length, lenData);

        // One past the last entry that takes an issue slot (not nop or sync): once the queue is past it
        // with no repeat pending it is finished, however many nops follow. Writing entry 0 starts a new program.
        var tail = m.Reg("tail", LengthWidth, d);
        var loadOpcode = loadData[63, 56];
        var issuing = loadOpcode.Ne(Opcode("nop")) & loadOpcode.Ne(Opcode("sync"));
        var loadIndex = loadAddr.Width < LengthWidth ? loadAddr.ZeroExtend(LengthWidth) : loadAddr.Truncate(LengthWidth);
        var loadEnd = (loadIndex + 1).Truncate(LengthWidth);
        m.When(loadWe, () =>
            m.When(loadAddr.Eq(0), () => m.Assign(tail, issuing.ZeroExtend(LengthWidth)))
             .ElseWhen(issuing & (loadEnd > tail), () => m.Assign(tail, loadEnd)));

        var s = new QueueState(m, d);
        var pcNext = m.Wire("pc_next", LengthWidth);
        var cur = entries.Read(d, pcNext.Truncate(entries.AddressWidth), name: "cur");

        var nop = Field("nop", "n");
        var repN = Field("repeat", "n");
        var repD = Field("repeat", "d");
        var repStep = Field("repeat", "step");
        var opcode = cur[63, 56];
        var has = m.Wire("has");
        m.Assign(has, s.Pc < length);
        var ready = m.Wire("ready");
        m.Assign(ready, run & has & s.Delay.Eq(0) & !s.Waiting & !s.RepActive);
        var isNop = opcode.Eq(Opcode("nop"));
        var isRepeat = opcode.Eq(Opcode("repeat"));
        var isSync = opcode.Eq(Opcode("sync"));
        var normal = m.Wire("normal_issue");
        m.Assign(normal, ready & !isNop & !isRepeat & !isSync);
        var repStart = m.Wire("rep_start");
        m.Assign(repStart, ready & isRepeat);
        var firstAt = m.Wire("first_at", CycleWidth);
        m.Assign(firstAt, (s.LastT + Slice(cur, repD).ZeroExtend(CycleWidth)).Truncate(CycleWidth));
        var copyNow = m.Wire("copy_now");
        m.Assign(copyNow, run & ((s.RepActive & cycle.Eq(s.RepNext)) | (repStart & cycle.Eq(firstAt))));

        // The stepped copy is computed in a function called only in a copy cycle, so a simulator does not
        // evaluate its adders in every other cycle of every queue.
        var issued = m.Wire("issued", 64);
        m.Assign(issued, cur);
        m.When(copyNow, () => m.Assign(issued, Stepped(s.Prev, s.RepActive, s.RepStep, Slice(cur, repStep))));
        m.Assign(issueValid, normal | copyNow);
        m.Assign(issueWord, issued);
        m.Assign(notifyOut, (normal | copyNow) & issued[63, 56].Eq(Opcode("notify")));
        m.Assign(finished, ((s.Pc >= tail) | !has) & !s.RepActive);

        var consume = ready;
        m.Assign(pcNext, Hw.Mux(prime, Hw.Const(0, LengthWidth), Hw.Mux(consume, (s.Pc + 1).Truncate(LengthWidth), s.Pc)));
        m.When(prime, () => s.Restart())
         .ElseWhen(run, () =>
         {
             m.Assign(s.Pc, pcNext);
             m.When(s.Delay.Ne(0), () => m.Assign(s.Delay, (s.Delay - 1).Truncate(32)));
             m.When(ready & isNop, () => m.Assign(s.Delay, (Slice(cur, nop) - 1).Truncate(32)));

             // A notify in the cycle the sync is reached releases it at once (§11: c <= t).
             m.When(ready & isSync, () =>
                 m.When(notifyIn, () => m.Assign(s.Delay, 1)).Otherwise(() => m.Assign(s.Waiting, 1)));
             m.When(s.Waiting & notifyIn, () =>
             {
                 m.Assign(s.Waiting, 0);
                 m.Assign(s.Delay, 1);
             });
             Repeat(m, s, cur, repStart, copyNow, firstAt, repN, repD, repStep);
             m.When(normal | copyNow, () =>
             {
                 m.Assign(s.Prev, issued);
                 m.Assign(s.LastT, cycle);
             });
         });
        return m;
    }

    private static void Repeat(Module m, QueueState s, Signal cur, Signal repStart, Signal copyNow, Signal firstAt,
        OperandField repN, OperandField repD, OperandField repStep)
    {
        var n = Slice(cur, repN);
        var dist = Slice(cur, repD);
        m.When(repStart, () =>
        {
            var left = (n - copyNow.ZeroExtend(n.Width)).Truncate(n.Width);
            m.Assign(s.RepLeft, left);
            m.Assign(s.RepActive, left.Ne(0));
            m.Assign(s.RepD, dist);
            m.Assign(s.RepStep, Slice(cur, repStep));
            m.Assign(s.RepNext, Hw.Mux(copyNow, (firstAt + dist.ZeroExtend(CycleWidth)).Truncate(CycleWidth), firstAt));
        });
        m.When(s.RepActive & copyNow, () =>
        {
            m.Assign(s.RepLeft, (s.RepLeft - 1).Truncate(s.RepLeft.Width));
            m.Assign(s.RepNext, (s.RepNext + s.RepD.ZeroExtend(CycleWidth)).Truncate(CycleWidth));
            m.When(s.RepLeft.Eq(1), () => m.Assign(s.RepActive, 0));
        });
    }

    /// <summary>
    /// The repeat's next copy of <paramref name="prev"/>: a copy in the cycle the repeat is reached takes
    /// the repeat's own step (<paramref name="ownStep"/>); later ones the saved step.
    /// </summary>
    private static Expr Stepped(Expr prev, Expr active, Expr savedStep, Expr ownStep)
    {
        var function = new Function("fn_step", 64);
        var word = function.Argument("word", 64);
        var isActive = function.Argument("active", 1);
        var saved = function.Argument("saved_step", savedStep.Width);
        var own = function.Argument("own_step", ownStep.Width);
        function.Return(StepLogic.Apply(word, Hw.Mux(isActive, saved, own)));
        return function.Call([prev, active, savedStep, ownStep]);
    }

    internal static byte Opcode(string mnemonic) => InstructionSet.ByMnemonic(mnemonic)!.Opcode;

    internal static OperandField Field(string mnemonic, string field)
    {
        var spec = InstructionSet.ByMnemonic(mnemonic)!;
        return spec.Fields[spec.FieldIndex(field)];
    }

    internal static Expr Slice(Expr word, OperandField field) => word[field.Msb, field.Lsb];
}
