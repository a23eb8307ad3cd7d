using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lpu.Tensors.Kernels;

/// <summary>
/// fp32 GEMM on <see cref="Vector{T}"/>: B in panels of two vectors of columns, a broadcast A
/// element, one fused multiply-add per k in increasing k order, so every output element sees the
/// same operations in the same order as the scalar loop (bit-identical). 6-row register tiles.
/// </summary>
internal static class Float32PortableKernel
{
    private const int Mr = 6;

    private static int Nr => 2 * Vector<float>.Count;

    public static void Multiply(float[] a, float[] b, float[] c, int m, int k, int n)
    {
        var colBlocks = (n + Nr - 1) / Nr;
        Parallel.For(
            0,
            colBlocks,
            () => new float[k * Nr],
            (cb, _, panel) =>
            {
                var col0 = cb * Nr;
                var cols = Math.Min(Nr, n - col0);
                Array.Clear(panel);
                for (var p = 0; p < k; p++)
                {
                    b.AsSpan((p * n) + col0, cols).CopyTo(panel.AsSpan(p * Nr));
                }

                ColumnBlock(a, panel, c, col0, cols, m, k, n);
                return panel;
            },
            _ => { });
    }

    private static void ColumnBlock(float[] a, float[] panel, float[] c, int col0, int cols, int m, int k, int n)
    {
        var w = Vector<float>.Count;
        Span<float> tile = stackalloc float[Mr * Nr];
        for (var row0 = 0; row0 < m; row0 += Mr)
        {
            var rows = Math.Min(Mr, m - row0);
            Vector<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
            Vector<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;

            // Rows past the end of A reuse its last row; their results are dropped below.
            var a0 = row0 * k;
            var a1 = (row0 + Math.Min(1, rows - 1)) * k;
            var a2 = (row0 + Math.Min(2, rows - 1)) * k;
            var a3 = (row0 + Math.Min(3, rows - 1)) * k;
            var a4 = (row0 + Math.Min(4, rows - 1)) * k;
            var a5 = (row0 + Math.Min(5, rows - 1)) * k;
            // Unchecked refs: the bounds were established above, and checks per element cost a third.
            ref var pb = ref MemoryMarshal.GetArrayDataReference(panel);
            ref var pa = ref MemoryMarshal.GetArrayDataReference(a);
            for (var p = 0; p < k; p++)
            {
                var b0 = Vector.LoadUnsafe(ref pb, (nuint)(p * Nr));
                var b1 = Vector.LoadUnsafe(ref pb, (nuint)((p * Nr) + w));
                var x = new Vector<float>(Unsafe.Add(ref pa, a0 + p));
                c00 = Vector.FusedMultiplyAdd(x, b0, c00);
                c01 = Vector.FusedMultiplyAdd(x, b1, c01);
                x = new Vector<float>(Unsafe.Add(ref pa, a1 + p));
                c10 = Vector.FusedMultiplyAdd(x, b0, c10);
                c11 = Vector.FusedMultiplyAdd(x, b1, c11);
                x = new Vector<float>(Unsafe.Add(ref pa, a2 + p));
                c20 = Vector.FusedMultiplyAdd(x, b0, c20);
                c21 = Vector.FusedMultiplyAdd(x, b1, c21);
                x = new Vector<float>(Unsafe.Add(ref pa, a3 + p));
                c30 = Vector.FusedMultiplyAdd(x, b0, c30);
                c31 = Vector.FusedMultiplyAdd(x, b1, c31);
                x = new Vector<float>(Unsafe.Add(ref pa, a4 + p));
                c40 = Vector.FusedMultiplyAdd(x, b0, c40);
                c41 = Vector.FusedMultiplyAdd(x, b1, c41);
                x = new Vector<float>(Unsafe.Add(ref pa, a5 + p));
                c50 = Vector.FusedMultiplyAdd(x, b0, c50);
                c51 = Vector.FusedMultiplyAdd(x, b1, c51);
            }

            c00.CopyTo(tile);
            c01.CopyTo(tile[w..]);
            c10.CopyTo(tile[Nr..]);
            c11.CopyTo(tile[(Nr + w)..]);
            c20.CopyTo(tile[(2 * Nr)..]);
            c21.CopyTo(tile[((2 * Nr) + w)..]);
            c30.CopyTo(tile[(3 * Nr)..]);
            c31.CopyTo(tile[((3 * Nr) + w)..]);
            c40.CopyTo(tile[(4 * Nr)..]);
            c41.CopyTo(tile[((4 * Nr) + w)..]);
            c50.CopyTo(tile[(5 * Nr)..]);
            c51.CopyTo(tile[((5 * Nr) + w)..]);
            for (var r = 0; r < rows; r++)
            {
                tile.Slice(r * Nr, cols).CopyTo(c.AsSpan(((row0 + r) * n) + col0, cols));
            }
        }
    }
}
