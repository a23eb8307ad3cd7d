using System.Runtime.CompilerServices;
using Lpu.Architecture.Layout;

namespace Lpu.Model.Icu;

/// <summary>
/// One in-order instruction queue (architecture.md §4): its decoded entries, the program counter,
/// the next issue cycle c, and the state of a running <c>repeat</c> or a waiting <c>sync</c>.
/// </summary>
internal sealed class QueueState(QueueInfo info, DecodedOp[] ops, string[] texts)
{
    public QueueInfo Info { get; } = info;

    public DecodedOp[] Ops { get; } = ops;

    /// <summary>The assembly text of each entry, for error messages.</summary>
    public string[] Texts { get; } = texts;

    public int Pc;

    /// <summary>Cycle of the next issue, or -1 when waiting or done.</summary>
    public long Next = -1;

    public bool Waiting;

    /// <summary>The cycle from which the queue waits in a sync.</summary>
    public long WaitingSince;

    public bool HasLast;

    public DecodedOp Last;

    public long LastIssue;

    public long RepeatsLeft;

    public long RepeatDistance;

    public long RepeatStep;

    public long Issued;

    /// <summary>
    /// Walks ICU entries from the next free cycle <paramref name="c"/> to the next issue: nop adds
    /// to c, repeat schedules copies of the last issued instruction, sync starts waiting.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Advance(long c)
    {
        Next = -1;
        while (Pc < Ops.Length)
        {
            ref readonly var op = ref Ops[Pc];
            switch (op.Kind)
            {
                case OpKind.Nop:
                    c += op.Imm;
                    Pc++;
                    continue;
                case OpKind.Repeat:
                    if (!HasLast || LastIssue + op.Imm2 < c)
                        throw BadRepeat(c, op);
                    RepeatsLeft = op.Imm;
                    RepeatDistance = op.Imm2;
                    RepeatStep = op.Imm3;
                    Pc++;
                    Next = LastIssue + RepeatDistance;
                    return;
                case OpKind.Sync:
                    Pc++;
                    Waiting = true;
                    WaitingSince = c;
                    return;
                default:
                    Next = c;
                    return;
            }
        }
    }

    // Out of line: formatting a message here would cost every call (see LpuSimulator.IssueAll).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private SimulationException BadRepeat(long c, in DecodedOp op) => HasLast
        ? new(c, $"queue {Info.Name} entry {op.Entry}: the first copy would issue in cycle {LastIssue + op.Imm2}, before this queue's next issue cycle {c}")
        : new(c, $"queue {Info.Name} entry {op.Entry}: repeat has no issued instruction before it to repeat");

    /// <summary>Takes the instruction issuing now at <paramref name="cycle"/> and moves on; returns it as <see cref="Last"/>, valid until the next issue.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ref readonly DecodedOp Issue(long cycle)
    {
        if (RepeatsLeft > 0)
        {
            Last.Step(RepeatStep);
            RepeatsLeft--;
        }
        else
        {
            Last = Ops[Pc++];
        }

        HasLast = true;
        LastIssue = cycle;
        Issued++;
        if (RepeatsLeft > 0)
            Next = cycle + RepeatDistance;
        else
            Advance(cycle + 1);
        return ref Last;
    }

    /// <summary>A notify issued at <paramref name="cycle"/> releases this queue if it waits since then.</summary>
    public bool Release(long cycle)
    {
        if (!Waiting || WaitingSince > cycle)
            return false;
        Waiting = false;
        Advance(cycle + 2);
        return true;
    }
}
