using System.Runtime.CompilerServices;
using Lpu.Architecture.Layout;
using Lpu.Model.Icu;
using Lpu.Model.State;

namespace Lpu.Model;

/// <summary>
/// SXM semantics (architecture.md §7): superlane k of the input is read in t+k; once the whole
/// vector is in (t + SL - 1) the output is formed, and superlane k of it is readable at
/// t + k + SL + 2 if superlane k was powered when the instruction reached it.
/// </summary>
public sealed partial class LpuSimulator
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExecuteSxm(InFlight r, int k, long c)
    {
        if (k >= superlanes)
            return;
        ref readonly var op = ref r.Op;
        var span = op.Kind == OpKind.Transpose ? lanes : 1;
        var input = r.Buffer.AsSpan(0, span * vectorLength);
        if (powered[k])
            r.Powered |= 1UL << k;
        for (var j = 0; j < span; j++)
            LaneCopy.Copy(streams.At(op.ADir, op.A + j, r.Position, k), input.Slice((j * vectorLength) + (k * lanes), lanes));
        if (k != superlanes - 1)
            return;

        var output = r.Buffer.AsSpan(span * vectorLength, span * vectorLength);
        FormSxmOutput(op, Floorplan.Queues[r.Queue], input, output);

        var latency = superlanes + 2;
        for (var sl = 0; sl < superlanes; sl++)
        {
            if ((r.Powered >> sl & 1) == 0)
                continue;
            var due = Bucket(r.Issue + sl + latency);
            for (var j = 0; j < span; j++)
                output.Slice((j * vectorLength) + (sl * lanes), lanes).CopyTo(due.AddStream(new StreamEvent(r.Position, op.DstDir, op.Dst + j, sl)));
        }
    }

    /// <summary>The output vector(s) of an SXM instruction from its whole input vector(s).</summary>
    private void FormSxmOutput(in DecodedOp op, QueueInfo queue, ReadOnlySpan<byte> input, Span<byte> output)
    {
        switch (op.Kind)
        {
            case OpKind.ShiftUp:
            case OpKind.ShiftDown:
                var n = (int)op.Imm;
                for (var i = 0; i < vectorLength; i++)
                {
                    var from = op.Kind == OpKind.ShiftUp ? i - n : i + n;
                    output[i] = from >= 0 && from < vectorLength ? input[from] : (byte)0;
                }

                break;
            case OpKind.Permute:
                var map = MapOf(queue, true, (int)op.Imm)!;
                for (var i = 0; i < vectorLength; i++)
                    output[i] = input[map[i]];
                break;
            case OpKind.Distribute:
                var dmap = MapOf(queue, false, (int)op.Imm)!;
                for (var sl = 0; sl < superlanes; sl++)
                {
                    for (var j = 0; j < lanes; j++)
                        output[(sl * lanes) + j] = dmap[j] == 255 ? (byte)0 : input[(sl * lanes) + dmap[j]];
                }

                break;
            case OpKind.Rotate:
                var rot = (int)op.Imm;
                for (var sl = 0; sl < superlanes; sl++)
                {
                    for (var j = 0; j < lanes; j++)
                        output[(sl * lanes) + j] = input[(sl * lanes) + ((j + rot) % lanes)];
                }

                break;
            case OpKind.Transpose:
                // out stream j, lane kL+i = in stream i, lane kL+j
                for (var sl = 0; sl < superlanes; sl++)
                {
                    for (var i = 0; i < lanes; i++)
                    {
                        for (var j = 0; j < lanes; j++)
                            output[(j * vectorLength) + (sl * lanes) + i] = input[(i * vectorLength) + (sl * lanes) + j];
                    }
                }

                break;
        }
    }
}
