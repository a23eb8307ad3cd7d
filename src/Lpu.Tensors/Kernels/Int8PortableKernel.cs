using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lpu.Tensors.Kernels;

/// <summary>
/// int8 GEMM on <see cref="Vector{T}"/>. An int8 x int8 product always fits in int16, so B is
/// widened to int16 in panels of one <see cref="Vector{T}"/> of shorts and multiplied by a
/// broadcast A element with a 16-bit multiply. Read as int32 lanes, each product vector holds an
/// even column in the low half and an odd column in the high half; two in-lane arithmetic shifts
/// sign-extend them into separate int32 sums (cheaper than widening across the vector). The
/// fallback for CPUs without AVX-VNNI.
/// </summary>
internal static class Int8PortableKernel
{
    /// <summary>Rows of the register tile.</summary>
    public const int Mr = 4;

    private static int Nr => Vector<short>.Count;

    /// <summary>Products of fewer multiply-adds run on the calling thread: below this, starting the cores costs more than it gives.</summary>
    private const long ParallelMacs = 1L << 24;

    /// <summary>
    /// B (k x n) widened to int16 in column blocks of <see cref="Nr"/>: block cb holds B[p][cb x Nr + j]
    /// at [cb x k x Nr + p x Nr + j], zero past the last column. Made once per B (see <see cref="Int8PackedMatrix"/>).
    /// </summary>
    public static short[] WidenPanels(ReadOnlySpan<sbyte> b, int k, int n)
    {
        var nr = Nr;
        var colBlocks = (n + nr - 1) / nr;
        var panels = new short[colBlocks * k * nr];
        for (var cb = 0; cb < colBlocks; cb++)
        {
            var col0 = cb * nr;
            var cols = Math.Min(nr, n - col0);
            var panel = panels.AsSpan(cb * k * nr, k * nr);
            for (var p = 0; p < k; p++)
            {
                var from = b.Slice((p * n) + col0, cols);
                var to = panel.Slice(p * nr, cols);
                var j = 0;
                for (; j + 16 <= cols; j += 16)
                {
                    // 16 at a time: the model packs a 320 x 320 array at every install.
                    var (low, high) = Vector128.Widen(Vector128.Create(from.Slice(j, 16)));
                    low.CopyTo(to.Slice(j, 8));
                    high.CopyTo(to.Slice(j + 8, 8));
                }

                for (; j < cols; j++)
                    to[j] = from[j];
            }
        }

        return panels;
    }

    /// <summary>C = A x B with B widened by <see cref="WidenPanels"/>; on every core when the product is large.</summary>
    public static void Multiply(ReadOnlySpan<sbyte> a, short[] panels, Span<int> c, int m, int k, int n)
    {
        // A as int32 words holding the element twice, so one 32-bit broadcast fills every short lane.
        var pairs = ArrayPool<int>.Shared.Rent(m * k);
        try
        {
            ToPairs(a[..(m * k)], pairs);
            var colBlocks = (n + Nr - 1) / Nr;
            if ((long)m * k * n < ParallelMacs)
            {
                for (var cb = 0; cb < colBlocks; cb++)
                    ColumnBlock(pairs, panels.AsSpan(cb * k * Nr, k * Nr), c, cb * Nr, Math.Min(Nr, n - (cb * Nr)), m, k, n);
                return;
            }

            var product = new int[m * n];
            Parallel.For(0, colBlocks, cb => ColumnBlock(pairs, panels.AsSpan(cb * k * Nr, k * Nr), product, cb * Nr, Math.Min(Nr, n - (cb * Nr)), m, k, n));
            product.CopyTo(c);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pairs);
        }
    }

    /// <summary>Each int8 as an int32 holding its 16-bit value twice (<c>(ushort)a x 0x10001</c>).</summary>
    private static void ToPairs(ReadOnlySpan<sbyte> a, Span<int> pairs)
    {
        var p = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var words = MemoryMarshal.Cast<int, uint>(pairs);
            for (; p + Vector<sbyte>.Count <= a.Length; p += Vector<sbyte>.Count)
            {
                Vector.Widen(new Vector<sbyte>(a[p..]), out var low, out var high);
                Store(Vector.AsVectorUInt16(low), words[p..]);
                Store(Vector.AsVectorUInt16(high), words[(p + Vector<short>.Count)..]);
            }
        }

        for (; p < a.Length; p++)
            pairs[p] = unchecked((int)((ushort)a[p] * 0x10001u));

        static void Store(Vector<ushort> values, Span<uint> to)
        {
            Vector.Widen(values, out var low, out var high);
            (low | (low << 16)).CopyTo(to);
            (high | (high << 16)).CopyTo(to[Vector<uint>.Count..]);
        }
    }

    private static void ColumnBlock(ReadOnlySpan<int> pairs, ReadOnlySpan<short> panel, Span<int> c, int col0, int cols, int m, int k, int n)
    {
        var half = Vector<int>.Count;
        Span<int> tile = stackalloc int[Mr * Nr];
        Span<int> even = stackalloc int[half];
        Span<int> odd = stackalloc int[half];
        // Unchecked refs: the bounds are established here, and checks per element cost a third.
        ref var pb = ref MemoryMarshal.GetReference(panel);
        var row0 = 0;
        for (; row0 + Mr <= m; row0 += Mr)
        {
            Vector<int> e0 = default, o0 = default, e1 = default, o1 = default;
            Vector<int> e2 = default, o2 = default, e3 = default, o3 = default;
            ref var r0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(pairs), row0 * k);
            ref var r1 = ref Unsafe.Add(ref r0, k);
            ref var r2 = ref Unsafe.Add(ref r1, k);
            ref var r3 = ref Unsafe.Add(ref r2, k);
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
            for (var r = 0; r < Mr; r++)
                tile.Slice(r * Nr, cols).CopyTo(c.Slice(((row0 + r) * n) + col0, cols));
        }

        // The last rows one at a time: a batch of a few activations costs only its rows.
        for (; row0 < m; row0++)
        {
            Vector<int> e0 = default, o0 = default;
            ref var r0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(pairs), row0 * k);
            for (var p = 0; p < k; p++)
                Accumulate(Unsafe.Add(ref r0, p), Vector.LoadUnsafe(ref pb, (nuint)(p * Nr)), ref e0, ref o0);
            Interleave(e0, o0, even, odd, tile);
            tile[..cols].CopyTo(c.Slice((row0 * n) + col0, cols));
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
