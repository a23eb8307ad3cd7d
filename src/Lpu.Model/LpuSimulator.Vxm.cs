using System.Runtime.CompilerServices;
using Lpu.Architecture.Isa;
using Lpu.Model.Icu;
using Lpu.Model.Numerics;
using Lpu.Model.State;

namespace Lpu.Model;

/// <summary>VXM semantics (architecture.md §6): per superlane, operands read in t+k, result readable at t+k+2 (in wave order, all superlanes at once).</summary>
public sealed partial class LpuSimulator
{
    /// <summary>Passed as the superlane to <see cref="ComputeVxm"/>: every superlane at once (wave order).</summary>
    private const int WholeVector = -1;

    private byte[] vxmA = [];
    private byte[] vxmB = [];
    private byte[] vxmResult = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExecuteVxm(InFlight r, int k, long c)
    {
        if (k >= superlanes || !powered[k])
            return;
        ref readonly var op = ref r.Op;
        var result = ComputeVxm(op, r.Position, k);
        var due = Bucket(c + 2);
        for (var j = 0; j < result.Length / lanes; j++)
            LaneCopy.Copy(result.Slice(j * lanes, lanes), due.AddStream(new StreamEvent(r.Position, op.DstDir, op.Dst + j, k)));
    }

    /// <summary>
    /// A VXM instruction at <paramref name="position"/> on the lanes of superlane <paramref name="k"/>,
    /// or of every superlane for <see cref="WholeVector"/>: reads its operand streams now and returns
    /// the result planes (one per destination stream, stream-major like the operands).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Span<byte> ComputeVxm(in DecodedOp op, int position, int k)
    {
        var width = k == WholeVector ? vectorLength : lanes;
        var inWidth = op.Kind == OpKind.Requant ? 4 : op.Type.Width();
        var outWidth = op.Kind switch
        {
            OpKind.Requant => 1,
            OpKind.Cvt => op.To.Width(),
            _ => inWidth,
        };
        Ensure(ref vxmA, 4 * vectorLength);
        Ensure(ref vxmB, 4 * vectorLength);
        Ensure(ref vxmResult, 4 * vectorLength);
        var a = vxmA.AsSpan(0, inWidth * width);
        var result = vxmResult.AsSpan(0, outWidth * width);
        for (var j = 0; j < inWidth; j++)
            LaneCopy.Copy(Operand(op.ADir, op.A + j, position, k), a.Slice(j * width, width));
        switch (op.Kind)
        {
            case OpKind.Requant:
                VxmKernel.Requant(a, result, (short)op.Imm, (int)op.Imm2, width);
                break;
            case OpKind.Cvt:
                VxmKernel.Convert(op.Type, op.To, a, result, width);
                break;
            default:
                var b = Span<byte>.Empty;
                if (op.HasB)
                {
                    b = vxmB.AsSpan(0, inWidth * width);
                    for (var j = 0; j < inWidth; j++)
                        LaneCopy.Copy(Operand(op.BDir, op.B + j, position, k), b.Slice(j * width, width));
                }

                VxmKernel.Apply(op.Function, op.Type, a, b, result, width);
                break;
        }

        return result;
    }

    private Span<byte> Operand(Direction direction, int stream, int position, int k) =>
        k == WholeVector ? streams.Vector(direction, stream, position) : streams.At(direction, stream, position, k);
}
