using Lpu.Architecture.Layout;
using Lpu.Model.Icu;

namespace Lpu.Model;

/// <summary>
/// MXM semantics (architecture.md §3, §8). lw writes superlane k of its rows into the load buffer
/// in t+k; iw snapshots superlane k of the buffer in t+k and the array becomes the snapshot from
/// t + SL + 2; abc collects x (superlane k in t+k), multiplies at t + SL - 1 and the accumulator
/// row is updated (set or add) from t + SL + 2; acc reads superlane k of a row in t+k, readable at
/// t + k + 2 on dst..dst+3.
/// </summary>
public sealed partial class LpuSimulator
{
    private short[] activation = [];

    private void StartMxm(InFlight r, QueueInfo queue, long c)
    {
        var plane = queue.Kind == UnitKind.Mxm ? planes[queue.UnitIndex] : null;
        switch (r.Op.Kind)
        {
            case OpKind.Lw:
                Ensure(ref r.Addresses, 1);
                r.Addresses[0] = plane!.RowPointer;
                plane.RowPointer = (int)((plane.RowPointer + r.Op.Imm) % vectorLength);
                break;
            case OpKind.Iw:
                plane!.RowPointer = 0;
                plane.LastInstall = c;
                Ensure(ref r.Buffer, vectorLength * vectorLength);
                break;
            case OpKind.Abc:
                var busyUntil = plane!.LastInstall == long.MinValue ? long.MinValue : plane.LastInstall + superlanes + 2;
                if (c > plane.LastInstall && c < busyUntil)
                    throw new SimulationException(c, $"queue {queue.Name}: abc issued while the plane installs weights (iw at cycle {plane.LastInstall}, busy until {busyUntil})");
                Ensure(ref r.Buffer, vectorLength);
                break;
        }
    }

    private void ExecuteMxm(InFlight r, int k, long c)
    {
        if (k >= superlanes)
            return;
        ref readonly var op = ref r.Op;
        var plane = planes[r.Unit];
        var column = k * lanes;
        switch (op.Kind)
        {
            case OpKind.Lw:
                for (var j = 0; j < op.Imm; j++)
                {
                    var row = (r.Addresses[0] + j) % vectorLength;
                    streams.At(op.ADir, op.A + j, r.Position, k).CopyTo(plane.LoadBuffer.AsSpan((row * vectorLength) + column, lanes));
                }

                break;
            case OpKind.Iw:
                for (var row = 0; row < vectorLength; row++)
                {
                    var offset = (row * vectorLength) + column;
                    plane.LoadBuffer.AsSpan(offset, lanes).CopyTo(r.Buffer.AsSpan(offset, lanes));
                }

                if (k == superlanes - 1)
                {
                    var weights = arrayPool.Count > 0 ? arrayPool.Pop() : new byte[vectorLength * vectorLength];
                    r.Buffer.AsSpan(0, weights.Length).CopyTo(weights);
                    mxmUpdates.Add(new MxmUpdate(r.Issue + superlanes + 2, r.Unit, -1, false, null, weights));
                }

                break;
            case OpKind.Abc:
                streams.At(op.ADir, op.A, r.Position, k).CopyTo(r.Buffer.AsSpan(column, lanes));
                if (k == superlanes - 1)
                {
                    Ensure(ref activation, vectorLength);
                    for (var i = 0; i < vectorLength; i++)
                        activation[i] = (sbyte)r.Buffer[i];
                    var result = rowPool.Count > 0 ? rowPool.Pop() : new int[vectorLength];
                    plane.Multiply(activation.AsSpan(0, vectorLength), result);
                    Counters.Macs += (long)vectorLength * vectorLength;
                    mxmUpdates.Add(new MxmUpdate(r.Issue + superlanes + 2, r.Unit, (int)op.Imm, op.Imm2 != 0, result, null));
                }

                break;
            case OpKind.Acc:
                if (!powered[k])
                    break;
                var values = plane.Accumulators.AsSpan(((int)op.Imm * vectorLength) + column, lanes);
                var due = Bucket(c + 2);
                for (var j = 0; j < 4; j++)
                {
                    var bytes = due.AddStream(new StreamEvent(r.Position, op.DstDir, op.Dst + j, k));
                    for (var i = 0; i < lanes; i++)
                        bytes[i] = (byte)(values[i] >> (8 * j));
                }

                break;
        }
    }

    private void ApplyMxmUpdates(long c)
    {
        // Updates due in the same cycle apply in the order they were made (issue order).
        for (var i = 0; i < mxmUpdates.Count;)
        {
            var u = mxmUpdates[i];
            if (u.Cycle != c)
            {
                i++;
                continue;
            }

            mxmUpdates.RemoveAt(i);
            var plane = planes[u.Plane];
            if (u.Weights is not null)
            {
                plane.Install(u.Weights);
                arrayPool.Push(u.Weights);
                continue;
            }

            var row = plane.Accumulators.AsSpan(u.Row * vectorLength, vectorLength);
            var result = u.Result!;
            for (var n = 0; n < vectorLength; n++)
                row[n] = u.Add ? unchecked(row[n] + result[n]) : result[n];
            rowPool.Push(result);
        }
    }
}
