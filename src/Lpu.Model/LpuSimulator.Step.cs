using System.Runtime.CompilerServices;
using Lpu.Architecture.Layout;
using Lpu.Model.Icu;
using Lpu.Model.Numerics;
using Lpu.Model.State;

namespace Lpu.Model;

/// <summary>The cycle loop: what lands this cycle, what issues, what the in-flight instructions do.</summary>
public sealed partial class LpuSimulator
{
    /// <summary>
    /// Simulates cycle <see cref="Cycle"/>: power and MXM changes due now take effect, results due
    /// now land on the stream registers and in SRAM, queues issue, and every in-flight instruction
    /// works on the superlane it has reached. Returns the cycle's events (valid until the next step).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CycleEvents Step()
    {
        var c = Cycle;
        var now = Bucket(c);
        ApplyPowerChanges(c);
        InstallDue(c);
        foreach (ref readonly var e in now.PendingStreams)
        {
            var register = streams.Produce(e.Direction, e.Stream, e.Position, e.Superlane);
            if (register.IsEmpty)
                throw new SimulationException(c, $"two results due in stream register {(e.Direction == Architecture.Isa.Direction.East ? 'e' : 'w')}{e.Stream} at position {e.Position}, superlane {e.Superlane}");
            LaneCopy.Copy(now.Data(in e), register);
        }

        Counters.StreamProductions += now.PendingStreams.Length;
        foreach (ref readonly var e in now.PendingSramWrites)
            sram.Write(e.Slice, e.Superlane, e.Address, now.Data(in e));
        Counters.SramWrites += now.PendingSramWrites.Length;
        foreach (ref readonly var e in now.PendingEcc)
        {
            if (e.Status == EccStatus.Corrected)
                Counters.EccCorrected++;
            else
                Counters.EccUncorrectable++;
        }

        IssueAll(c, now);
        for (var i = 0; i < inFlight.Count;)
        {
            var r = inFlight[i];
            var k = (int)(c - r.Issue);
            Execute(r, k, c);
            if (k >= r.Span - 1)
            {
                inFlight[i] = inFlight[^1];
                inFlight.RemoveAt(inFlight.Count - 1);
                pool.Push(r);
            }
            else
            {
                i++;
            }
        }

        now.Seal();
        events = now;
        CheckProgress(c);
        Counters.Cycles = c + 1;
        streams.Advance();
        return now;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private CycleEvents Bucket(long cycle)
    {
        var b = buckets[(int)cycle & (buckets.Length - 1)];
        if (b.Cycle != cycle)
            b.Clear(cycle);
        return b;
    }

    /// <summary>
    /// Power changes due now. Of two configs issued in one cycle the lower queue's wins (as in the
    /// RTL); the order in which in-flight instructions reach a superlane does not matter.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyPowerChanges(long c)
    {
        if (powerChanges.Count == 0)
            return;
        Span<int> winner = stackalloc int[superlanes];
        winner.Fill(int.MaxValue);
        for (var i = 0; i < powerChanges.Count;)
        {
            var (cycle, k, on, queue) = powerChanges[i];
            if (cycle == c)
            {
                if (queue < winner[k])
                {
                    powered[k] = on;
                    winner[k] = queue;
                }

                powerChanges.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Issues what the queues issue in cycle c, into <paramref name="now"/>'s events; wave order (no events) passes null and does each instruction whole.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void IssueAll(long c, CycleEvents? now)
    {
        foreach (var qi in programmed)
        {
            var q = queues[qi];
            if (q.Next != c)
                continue;
            var repeating = q.RepeatsLeft > 0;
            if (repeating && q.RepeatStep != 0 && !q.Last.HasStep)
                throw RepeatWithoutStep(c, q);
            ref readonly var op = ref q.Issue(c);
            if (repeating && op.HasStep && (ulong)op.Imm >= (ulong)StepLimit(op))
                throw SteppedOutOfRange(c, q, op);
            lastIssue = c;
            Counters.Issued[qi]++;
            if (now is not null)
                now.AddIssue(new IssueEvent(qi, op.Word));
            else if (WaveTrace is not null)
                TraceIssue(c, qi, op.Word);
            if (op.Kind == OpKind.Notify)
            {
                foreach (var other in queues)
                    other.Release(c);
                continue;
            }

            if (now is null)
                ExecuteWhole(op, q.Info, c);
            else
                Start(op, q.Info, c);
        }
    }

    /// <summary>The range [0, limit) of a repeated instruction's step field: a MEM address or an accumulator row.</summary>
    private int StepLimit(in DecodedOp op) => op.Kind is OpKind.Read or OpKind.Write ? sram.Words : accumulatorRows;

    // The messages are made out of line: a method that formats a string zeroes the formatter's
    // stack slots on every call, and these checks run for every issue.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SimulationException RepeatWithoutStep(long c, QueueState q) =>
        new(c, $"queue {q.Info.Name}: repeat with step {q.RepeatStep} of '{q.Texts[q.Last.Entry]}', which has no step field");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private SimulationException SteppedOutOfRange(long c, QueueState queue, in DecodedOp op) =>
        new(c, $"queue {queue.Info.Name}: repeated '{queue.Texts[op.Entry]}' stepped its {(op.Kind is OpKind.Read or OpKind.Write ? "address" : "row")} to {op.Imm}, out of range [0, {StepLimit(op)})");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TraceIssue(long c, int queue, ulong word) => WaveTrace?.Invoke($"{c} I {queue} {word:x16}");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Start(in DecodedOp op, QueueInfo queue, long c)
    {
        var r = pool.Count > 0 ? pool.Pop() : new InFlight();
        r.Op = op;
        r.Queue = queue.Index;
        r.Issue = c;
        r.Position = queue.Kind == UnitKind.Vxm ? Floorplan.VxmPosition : queue.Position;
        r.Unit = queue.Kind == UnitKind.Mem ? queue.GlobalSlice : queue.UnitIndex;
        r.Span = op.Kind == OpKind.Gather ? superlanes + 1 : superlanes;
        r.Powered = 0;
        r.CapturedVersion = -1;
        switch (op.Kind)
        {
            case OpKind.Read:
                CaptureWord(r, (int)op.Imm, c);
                break;
            case OpKind.Write or OpKind.Scatter:
                lateSramAccess[r.Unit] = c;
                break;
            case OpKind.Gather:
                lateSramAccess[r.Unit] = c;
                Ensure(ref r.Addresses, superlanes);
                break;
            case OpKind.ShiftUp or OpKind.ShiftDown or OpKind.Permute or OpKind.Distribute or OpKind.Rotate:
                Ensure(ref r.Buffer, 2 * vectorLength);
                break;
            case OpKind.Transpose:
                Ensure(ref r.Buffer, 2 * lanes * vectorLength);
                break;
            default:
                StartMxm(r, queue, c);
                break;
        }

        inFlight.Add(r);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Execute(InFlight r, int k, long c)
    {
        switch (r.Op.Kind)
        {
            case OpKind.Read:
            case OpKind.Write:
            case OpKind.Gather:
            case OpKind.Scatter:
                ExecuteMem(r, k, c);
                break;
            case OpKind.Vxm:
            case OpKind.Cvt:
            case OpKind.Requant:
                ExecuteVxm(r, k, c);
                break;
            case OpKind.Config:
                if (k < superlanes)
                    powerChanges.Add((c + 1, k, (r.Op.Imm >> k & 1) != 0, r.Queue));
                break;
            case OpKind.Lw:
            case OpKind.Iw:
            case OpKind.Abc:
            case OpKind.Acc:
                ExecuteMxm(r, k, c);
                break;
            default:
                ExecuteSxm(r, k, c);
                break;
        }
    }

    /// <summary>
    /// Fixes D once no queue can issue again, or reports queues that wait forever in a sync.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckProgress(long c)
    {
        if (doneCycle >= 0)
            return;
        QueueState? waiting = null;
        foreach (var qi in programmed)
        {
            var q = queues[qi];
            if (q.Next >= 0)
                return;
            if (q.Waiting)
                waiting ??= q;
        }

        if (waiting is not null)
            throw new SimulationException(c, $"queue {waiting.Info.Name} waits forever in sync (entry {waiting.Pc - 1}): no notify can come");
        doneCycle = lastIssue < 0 ? 0 : lastIssue + superlanes + maxLatency + 1;
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
            array = new T[length];
    }
}
