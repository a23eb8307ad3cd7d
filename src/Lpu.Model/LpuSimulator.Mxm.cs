using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Lpu.Architecture.Layout;
using Lpu.Model.Icu;
using Lpu.Model.State;

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
                r.Weights = RentWeights();
                // The whole buffer in one copy: superlane k of it is the snapshot of t+k as long as no lw wrote in between.
                if (shortcuts)
                {
                    plane.LoadBuffer.CopyTo(MemoryMarshal.AsBytes(r.Weights.AsSpan()));
                    r.CapturedVersion = plane.LoadVersion;
                }

                break;
            case OpKind.Abc:
                CheckAbcNotInstalling(plane!, queue, c);
                Ensure(ref r.Buffer, vectorLength);
                break;
        }
    }

    private void CheckAbcNotInstalling(MxmPlane plane, QueueInfo queue, long c)
    {
        if (c > plane.LastInstall && c < BusyUntil(plane))
            throw AbcWhileInstalling(plane, queue, c);
    }

    private long BusyUntil(MxmPlane plane) => plane.LastInstall == long.MinValue ? long.MinValue : plane.LastInstall + superlanes + 2;

    // Out of line: formatting the message here would cost every abc (see IssueAll).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private SimulationException AbcWhileInstalling(MxmPlane plane, QueueInfo queue, long c) =>
        new(c, $"queue {queue.Name}: abc issued while the plane installs weights (iw at cycle {plane.LastInstall}, busy until {BusyUntil(plane)})");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                plane.LoadVersion++;
                var sources = streams.From(op.ADir, op.A, r.Position, k);
                var stride = streams.StreamStride;
                var row = r.Addresses[0];
                for (var j = 0; j < op.Imm; j++)
                {
                    LaneCopy.Copy(sources.Slice(j * stride, lanes), plane.LoadBuffer.AsSpan((row * vectorLength) + column, lanes));
                    row = row + 1 == vectorLength ? 0 : row + 1;
                }

                break;
            case OpKind.Iw:
                // Superlane k of every row of the load buffer into the snapshot, unless the copy taken at issue still holds it.
                if (plane.LoadVersion != r.CapturedVersion)
                {
                    if (r.CapturedVersion >= 0)
                        Refetches++;
                    var snapshot = MemoryMarshal.AsBytes(r.Weights.AsSpan());
                    for (var offset = column; offset < snapshot.Length; offset += vectorLength)
                        LaneCopy.Copy(plane.LoadBuffer.AsSpan(offset, lanes), snapshot.Slice(offset, lanes));
                }

                if (k == superlanes - 1)
                {
                    mxmUpdates.Add(new MxmUpdate(r.Issue + superlanes + 2, r.Unit, r.Weights));
                    r.Weights = [];
                }

                break;
            case OpKind.Abc:
                LaneCopy.Copy(streams.At(op.ADir, op.A, r.Position, k), r.Buffer.AsSpan(column, lanes));
                if (k == superlanes - 1)
                {
                    // Multiplies now (t + SL - 1) with the array as it is; the product is computed when needed.
                    plane.Capture(r.Issue + superlanes + 2, (int)op.Imm, op.Imm2 != 0, MemoryMarshal.Cast<byte, sbyte>(r.Buffer.AsSpan(0, vectorLength)));
                    Counters.Macs += (long)vectorLength * vectorLength;
                }

                break;
            case OpKind.Acc:
                if (!powered[k])
                    break;
                plane.SettleRow(c, (int)op.Imm);
                var values = plane.Accumulators.AsSpan(((int)op.Imm * vectorLength) + column, lanes);
                var due = Bucket(c + 2);
                for (var j = 0; j < 4; j++)
                    ByteOf(values, j, due.AddStream(new StreamEvent(r.Position, op.DstDir, op.Dst + j, k)));

                break;
        }
    }

    /// <summary>
    /// Installs the arrays due by <paramref name="cycle"/> (of one plane, or of all for -1), in the
    /// order they were made; abc updates wait in their plane (Settle). Cycle order calls it every
    /// cycle, wave order before an abc multiplies and at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InstallDue(long cycle, int plane = -1)
    {
        for (var i = 0; i < mxmUpdates.Count;)
        {
            var u = mxmUpdates[i];
            if (u.Cycle > cycle || (plane >= 0 && u.Plane != plane))
            {
                i++;
                continue;
            }

            mxmUpdates.RemoveAt(i);
            if (planes[u.Plane].Install(u.Weights, u.Shared) is { } old)
                arrayPool.Push(old);
        }
    }

    /// <summary>Byte <paramref name="j"/> of each value (0 = the low byte): one of an acc's four result vectors.</summary>
    private static void ByteOf(ReadOnlySpan<int> values, int j, Span<byte> bytes)
    {
        var count = values.Length;
        var shift = 8 * j;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Sixteen values at a time: shifted down, then narrowed (truncating) to bytes.
            for (; i + 16 <= count; i += 16)
            {
                var low = Vector128.Narrow(Vector128.Create(values.Slice(i, 4)) >>> shift, Vector128.Create(values.Slice(i + 4, 4)) >>> shift).AsUInt16();
                var high = Vector128.Narrow(Vector128.Create(values.Slice(i + 8, 4)) >>> shift, Vector128.Create(values.Slice(i + 12, 4)) >>> shift).AsUInt16();
                Vector128.Narrow(low, high).CopyTo(bytes.Slice(i, 16));
            }
        }

        for (; i < count; i++)
            bytes[i] = (byte)(values[i] >> shift);
    }

    /// <summary>A VL x VL buffer for an iw's snapshot, reused from installs replaced before.</summary>
    private sbyte[] RentWeights() => arrayPool.Count > 0 ? arrayPool.Pop() : new sbyte[vectorLength * vectorLength];
}
