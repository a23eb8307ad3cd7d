using System.Runtime.CompilerServices;
using Lpu.Model.Icu;
using Lpu.Model.Numerics;
using Lpu.Model.State;

namespace Lpu.Model;

/// <summary>VXM semantics (architecture.md §6): per superlane, operands read in t+k, result readable at t+k+2.</summary>
public sealed partial class LpuSimulator
{
    private byte[] vxmA = [];
    private byte[] vxmB = [];
    private byte[] vxmResult = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExecuteVxm(InFlight r, int k, long c)
    {
        if (k >= superlanes || !powered[k])
            return;
        ref readonly var op = ref r.Op;
        var inWidth = op.Kind == OpKind.Requant ? 4 : op.Type.Width();
        var outWidth = op.Kind switch
        {
            OpKind.Requant => 1,
            OpKind.Cvt => op.To.Width(),
            _ => inWidth,
        };
        Ensure(ref vxmA, 4 * lanes);
        Ensure(ref vxmB, 4 * lanes);
        Ensure(ref vxmResult, 4 * lanes);
        var a = vxmA.AsSpan(0, inWidth * lanes);
        var result = vxmResult.AsSpan(0, outWidth * lanes);
        for (var j = 0; j < inWidth; j++)
            LaneCopy.Copy(streams.At(op.ADir, op.A + j, r.Position, k), a.Slice(j * lanes, lanes));
        switch (op.Kind)
        {
            case OpKind.Requant:
                VxmKernel.Requant(a, result, (short)op.Imm, (int)op.Imm2, lanes);
                break;
            case OpKind.Cvt:
                VxmKernel.Convert(op.Type, op.To, a, result, lanes);
                break;
            default:
                var b = Span<byte>.Empty;
                if (op.HasB)
                {
                    b = vxmB.AsSpan(0, inWidth * lanes);
                    for (var j = 0; j < inWidth; j++)
                        LaneCopy.Copy(streams.At(op.BDir, op.B + j, r.Position, k), b.Slice(j * lanes, lanes));
                }

                VxmKernel.Apply(op.Function, op.Type, a, b, result, lanes);
                break;
        }

        var due = Bucket(c + 2);
        for (var j = 0; j < outWidth; j++)
            LaneCopy.Copy(result.Slice(j * lanes, lanes), due.AddStream(new StreamEvent(r.Position, op.DstDir, op.Dst + j, k)));
    }
}
