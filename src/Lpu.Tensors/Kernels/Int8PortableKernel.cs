using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lpu.Tensors.Kernels;

/// <summary>
/// int8 GEMM on <see cref="Vector{T}"/>. An int8 x int8 product always fits in int16, so B is
/// widened to int16 in panels of one <see cref="Vector{T}"/> of shorts and multiplied by a
/// broadcast A element with a 16-bit multiply. Read as int32 lanes, each product vector holds an
/// even column in the low half and an odd column in the high half; two in-lane arithmetic shifts
/// sign-extend them into separate int32 sums (cheaper than widening across the vector).
/// </summary>
internal static class Int8PortableKernel
{
    private const int Mr = 4;

    private static int Nr => Vector<short>.Count;

    public static void Multiply(sbyte[] a, sbyte[] b, int[] c, int m, int k, int n)
    {
        // A as int32 words holding the element twice, so one 32-bit broadcast fills every short lane.
        var pairs = GC.AllocateUninitializedArray<int>(m * k);
        Parallel.For(0, m, i =>
        {
            for (var p = i * k; p < (i + 1) * k; p++)
            {
                pairs[p] = unchecked((int)((ushort)a[p] * 0x10001u));
            }
        });

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

                ColumnBlock(pairs, panel, c, col0, cols, m, k, n);
                return panel;
            },
            _ => { });
    }

    private static void ColumnBlock(int[] pairs, short[] panel, int[] c, int col0, int cols, int m, int k, int n)
    {
        var half = Vector<int>.Count;
        Span<int> tile = stackalloc int[Mr * Nr];
        Span<int> even = stackalloc int[half];
        Span<int> odd = stackalloc int[half];
        for (var row0 = 0; row0 < m; row0 += Mr)
        {
            var rows = Math.Min(Mr, m - row0);
            Vector<int> e0 = default, o0 = default, e1 = default, o1 = default;
            Vector<int> e2 = default, o2 = default, e3 = default, o3 = default;

            // Rows past the end of A reuse its last row; their results are dropped below. Unchecked
            // refs: the bounds are established here, and checks per element cost a third.
            ref var pb = ref MemoryMarshal.GetArrayDataReference(panel);
            ref var r0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(pairs), row0 * k);
            ref var r1 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(pairs), (row0 + Math.Min(1, rows - 1)) * k);
            ref var r2 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(pairs), (row0 + Math.Min(2, rows - 1)) * k);
            ref var r3 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(pairs), (row0 + Math.Min(3, rows - 1)) * k);
            for (var p = 0; p < k; p++)
            {
                var bv = Vector.LoadUnsafe(ref pb, (nuint)(p * Nr));
                Accumulate(Unsafe.Add(ref r0, p), bv, ref e0, ref o0);
                Accumulate(Unsafe.Add(ref r1, p), bv, ref e1, ref o1);
                Accumulate(Unsafe.Add(ref r2, p), bv, ref e2, ref o2);
                Accumulate(Unsafe.Add(ref r3, p), bv, ref e3, ref o3);
            }

            Interleave(e0, o0, even, odd, tile);
            Interleave(e1, o1, even, odd, tile[Nr..]);
            Interleave(e2, o2, even, odd, tile[(2 * Nr)..]);
            Interleave(e3, o3, even, odd, tile[(3 * Nr)..]);
            for (var r = 0; r < rows; r++)
            {
                tile.Slice(r * Nr, cols).CopyTo(c.AsSpan(((row0 + r) * n) + col0, cols));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(int pair, Vector<short> b, ref Vector<int> even, ref Vector<int> odd)
    {
        var products = Vector.AsVectorInt32(Vector.AsVectorInt16(new Vector<int>(pair)) * b);
        even += Vector.ShiftRightArithmetic(Vector.ShiftLeft(products, 16), 16);
        odd += Vector.ShiftRightArithmetic(products, 16);
    }

    private static void Interleave(Vector<int> evenSums, Vector<int> oddSums, Span<int> even, Span<int> odd, Span<int> row)
    {
        evenSums.CopyTo(even);
        oddSums.CopyTo(odd);
        for (var i = 0; i < even.Length; i++)
        {
            row[2 * i] = even[i];
            row[(2 * i) + 1] = odd[i];
        }
    }
}
