using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lpu.Tensors.Kernels;

/// <summary>
/// int8 GEMM on <see cref="Vector{T}"/>: an int8 x int8 product always fits in int16, so B is
/// widened to int16 in panels of one <see cref="Vector{T}"/> of shorts, multiplied by a broadcast A
/// element, and the products are widened to int32 and summed. 4-row register tiles.
/// </summary>
internal static class Int8PortableKernel
{
    private const int Mr = 4;

    private static int Nr => Vector<short>.Count;

    public static void Multiply(sbyte[] a, sbyte[] b, int[] c, int m, int k, int n)
    {
        var colBlocks = (n + Nr - 1) / Nr;
        Parallel.For(
            0,
            colBlocks,
            () => new short[k * Nr],
            (cb, _, panel) =>
            {
                var col0 = cb * Nr;
                var cols = Math.Min(Nr, n - col0);
                Array.Clear(panel);
                for (var p = 0; p < k; p++)
                {
                    for (var j = 0; j < cols; j++)
                    {
                        panel[(p * Nr) + j] = b[(p * n) + col0 + j];
                    }
                }

                ColumnBlock(a, panel, c, col0, cols, m, k, n);
                return panel;
            },
            _ => { });
    }

    private static void ColumnBlock(sbyte[] a, short[] panel, int[] c, int col0, int cols, int m, int k, int n)
    {
        var half = Vector<int>.Count;
        Span<int> tile = stackalloc int[Mr * Nr];
        for (var row0 = 0; row0 < m; row0 += Mr)
        {
            var rows = Math.Min(Mr, m - row0);
            Vector<int> c0Lo = default, c0Hi = default, c1Lo = default, c1Hi = default;
            Vector<int> c2Lo = default, c2Hi = default, c3Lo = default, c3Hi = default;

            // Rows past the end of A reuse its last row; their results are dropped below.
            var a0 = row0 * k;
            var a1 = (row0 + Math.Min(1, rows - 1)) * k;
            var a2 = (row0 + Math.Min(2, rows - 1)) * k;
            var a3 = (row0 + Math.Min(3, rows - 1)) * k;
            // Unchecked refs: the bounds were established above, and checks per element halve the speed.
            ref var b0 = ref MemoryMarshal.GetArrayDataReference(panel);
            ref var r0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), a0);
            ref var r1 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), a1);
            ref var r2 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), a2);
            ref var r3 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a), a3);
            for (var p = 0; p < k; p++)
            {
                var bv = Vector.LoadUnsafe(ref b0, (nuint)(p * Nr));
                Accumulate(new Vector<short>(Unsafe.Add(ref r0, p)) * bv, ref c0Lo, ref c0Hi);
                Accumulate(new Vector<short>(Unsafe.Add(ref r1, p)) * bv, ref c1Lo, ref c1Hi);
                Accumulate(new Vector<short>(Unsafe.Add(ref r2, p)) * bv, ref c2Lo, ref c2Hi);
                Accumulate(new Vector<short>(Unsafe.Add(ref r3, p)) * bv, ref c3Lo, ref c3Hi);
            }

            c0Lo.CopyTo(tile);
            c0Hi.CopyTo(tile[half..]);
            c1Lo.CopyTo(tile[Nr..]);
            c1Hi.CopyTo(tile[(Nr + half)..]);
            c2Lo.CopyTo(tile[(2 * Nr)..]);
            c2Hi.CopyTo(tile[((2 * Nr) + half)..]);
            c3Lo.CopyTo(tile[(3 * Nr)..]);
            c3Hi.CopyTo(tile[((3 * Nr) + half)..]);
            for (var r = 0; r < rows; r++)
            {
                tile.Slice(r * Nr, cols).CopyTo(c.AsSpan(((row0 + r) * n) + col0, cols));
            }
        }
    }

    private static void Accumulate(Vector<short> products, ref Vector<int> lo, ref Vector<int> hi)
    {
        Vector.Widen(products, out var pLo, out var pHi);
        lo += pLo;
        hi += pHi;
    }
}
