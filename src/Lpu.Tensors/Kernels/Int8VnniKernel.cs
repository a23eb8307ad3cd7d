using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Lpu.Tensors.Kernels;

/// <summary>
/// int8 GEMM on AVX-VNNI. <c>vpdpbusd</c> multiplies unsigned by signed bytes and adds groups of
/// four products into int32 lanes, so A is offset by +128 (to u8) and 128 x the column sums of B
/// are subtracted at the end; everything wraps mod 2^32, so the result is exact.
/// A is packed in blocks of <see cref="Mr"/> rows, B in panels of <see cref="Nr"/> columns, both
/// in 4-byte k-groups; a 6x16 register tile keeps 12 accumulators in the 16 ymm registers.
/// </summary>
internal static unsafe class Int8VnniKernel
{
    private const int Mr = 6;
    private const int Nr = 16;

    public static void Multiply(sbyte[] a, sbyte[] b, int[] c, int m, int k, int n)
    {
        var groups = (k + 3) / 4;
        var rowBlocks = (m + Mr - 1) / Mr;
        var colBlocks = (n + Nr - 1) / Nr;

        // Left uninitialized: padding bytes of A only ever meet zero bytes of B, and padding rows
        // are never stored.
        var packedA = GC.AllocateUninitializedArray<byte>(checked(rowBlocks * groups * Mr * 4));
        Parallel.For(0, rowBlocks, rb => PackA(a, packedA, rb, m, k, groups));
        Parallel.For(
            0,
            colBlocks,
            () => new sbyte[groups * Nr * 4],
            (cb, _, panel) =>
            {
                PackB(b, panel, cb * Nr, k, n, groups);
                ColumnBlock(packedA, panel, c, cb * Nr, m, n, groups, rowBlocks);
                return panel;
            },
            _ => { });
    }

    // Block rb of packed A: for each k-group g, Mr rows of 4 bytes (A + 128, as u8); padding untouched.
    private static void PackA(sbyte[] a, byte[] packed, int rb, int m, int k, int groups)
    {
        var block = packed.AsSpan(rb * groups * Mr * 4, groups * Mr * 4);
        for (var r = 0; r < Mr; r++)
        {
            var row = (rb * Mr) + r;
            if (row >= m)
            {
                continue;
            }

            var src = a.AsSpan(row * k, k);
            var full = k / 4;
            for (var g = 0; g < full; g++)
            {
                // Flipping the top bit of each byte adds 128 to it as a two's-complement byte.
                var word = Unsafe.ReadUnaligned<int>(ref Unsafe.As<sbyte, byte>(ref src[g * 4])) ^ unchecked((int)0x80808080);
                Unsafe.WriteUnaligned(ref block[(g * Mr * 4) + (r * 4)], word);
            }

            for (var p = full * 4; p < k; p++)
            {
                block[((p >> 2) * Mr * 4) + (r * 4) + (p & 3)] = (byte)(src[p] ^ unchecked((sbyte)0x80));
            }
        }
    }

    // One panel of B: for each k-group g, Nr columns of the 4 bytes B[4g..4g+3, j]; padding is 0.
    private static void PackB(sbyte[] b, sbyte[] panel, int col0, int k, int n, int groups)
    {
        var cols = Math.Min(Nr, n - col0);
        for (var g = 0; g < groups; g++)
        {
            var dst = panel.AsSpan(g * Nr * 4, Nr * 4);
            if (cols == Nr && (g * 4) + 4 <= k && Sse2.IsSupported)
            {
                PackGroup16(b, dst, (g * 4 * n) + col0, n);
                continue;
            }

            dst.Clear();
            for (var t = 0; t < 4 && (g * 4) + t < k; t++)
            {
                var src = b.AsSpan((((g * 4) + t) * n) + col0, cols);
                for (var j = 0; j < cols; j++)
                {
                    dst[(j * 4) + t] = src[j];
                }
            }
        }
    }

    // Transposes 4 rows x 16 columns of bytes into 16 columns x 4 bytes with two rounds of unpacks.
    private static void PackGroup16(sbyte[] b, Span<sbyte> dst, int start, int n)
    {
        fixed (sbyte* pb = b)
        fixed (sbyte* pd = dst)
        {
            var r0 = Sse2.LoadVector128(pb + start);
            var r1 = Sse2.LoadVector128(pb + start + n);
            var r2 = Sse2.LoadVector128(pb + start + (2 * n));
            var r3 = Sse2.LoadVector128(pb + start + (3 * n));
            var r01Lo = Sse2.UnpackLow(r0, r1).AsInt16();
            var r01Hi = Sse2.UnpackHigh(r0, r1).AsInt16();
            var r23Lo = Sse2.UnpackLow(r2, r3).AsInt16();
            var r23Hi = Sse2.UnpackHigh(r2, r3).AsInt16();
            Sse2.Store(pd, Sse2.UnpackLow(r01Lo, r23Lo).AsSByte());
            Sse2.Store(pd + 16, Sse2.UnpackHigh(r01Lo, r23Lo).AsSByte());
            Sse2.Store(pd + 32, Sse2.UnpackLow(r01Hi, r23Hi).AsSByte());
            Sse2.Store(pd + 48, Sse2.UnpackHigh(r01Hi, r23Hi).AsSByte());
        }
    }

    private static void ColumnBlock(byte[] packedA, sbyte[] panel, int[] c, int col0, int m, int n, int groups, int rowBlocks)
    {
        var cols = Math.Min(Nr, n - col0);
        var edge = stackalloc int[Mr * Nr];
        fixed (byte* pa0 = packedA)
        fixed (sbyte* pb = panel)
        fixed (int* pc = c)
        {
            // 128 x column sums of B, via vpdpbusd with all-ones as the unsigned operand.
            var ones = Vector256.Create((byte)1);
            var sum0 = Vector256<int>.Zero;
            var sum1 = Vector256<int>.Zero;
            for (var g = 0; g < groups; g++)
            {
                sum0 = AvxVnni.MultiplyWideningAndAdd(sum0, ones, Avx.LoadVector256(pb + (g * 64)));
                sum1 = AvxVnni.MultiplyWideningAndAdd(sum1, ones, Avx.LoadVector256(pb + (g * 64) + 32));
            }

            sum0 = Avx2.ShiftLeftLogical(sum0, 7);
            sum1 = Avx2.ShiftLeftLogical(sum1, 7);

            for (var rb = 0; rb < rowBlocks; rb++)
            {
                var rows = Math.Min(Mr, m - (rb * Mr));
                var pa = pa0 + ((long)rb * groups * Mr * 4);
                if (rows == Mr && cols == Nr)
                {
                    Tile(pa, pb, groups, sum0, sum1, pc + ((long)rb * Mr * n) + col0, n);
                    continue;
                }

                Tile(pa, pb, groups, sum0, sum1, edge, Nr);
                for (var r = 0; r < rows; r++)
                {
                    new ReadOnlySpan<int>(edge + (r * Nr), cols).CopyTo(new Span<int>(pc + (((long)(rb * Mr) + r) * n) + col0, cols));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(byte* pa, sbyte* pb, int groups, Vector256<int> sum0, Vector256<int> sum1, int* pc, int ldc)
    {
        Vector256<int> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<int> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var g = 0; g < groups; g++)
        {
            var b0 = Avx.LoadVector256(pb);
            var b1 = Avx.LoadVector256(pb + 32);
            var a = Vector256.Create(*(int*)pa).AsByte();
            c00 = AvxVnni.MultiplyWideningAndAdd(c00, a, b0);
            c01 = AvxVnni.MultiplyWideningAndAdd(c01, a, b1);
            a = Vector256.Create(*(int*)(pa + 4)).AsByte();
            c10 = AvxVnni.MultiplyWideningAndAdd(c10, a, b0);
            c11 = AvxVnni.MultiplyWideningAndAdd(c11, a, b1);
            a = Vector256.Create(*(int*)(pa + 8)).AsByte();
            c20 = AvxVnni.MultiplyWideningAndAdd(c20, a, b0);
            c21 = AvxVnni.MultiplyWideningAndAdd(c21, a, b1);
            a = Vector256.Create(*(int*)(pa + 12)).AsByte();
            c30 = AvxVnni.MultiplyWideningAndAdd(c30, a, b0);
            c31 = AvxVnni.MultiplyWideningAndAdd(c31, a, b1);
            a = Vector256.Create(*(int*)(pa + 16)).AsByte();
            c40 = AvxVnni.MultiplyWideningAndAdd(c40, a, b0);
            c41 = AvxVnni.MultiplyWideningAndAdd(c41, a, b1);
            a = Vector256.Create(*(int*)(pa + 20)).AsByte();
            c50 = AvxVnni.MultiplyWideningAndAdd(c50, a, b0);
            c51 = AvxVnni.MultiplyWideningAndAdd(c51, a, b1);
            pa += Mr * 4;
            pb += Nr * 4;
        }

        Store(pc, c00 - sum0, c01 - sum1);
        Store(pc + ldc, c10 - sum0, c11 - sum1);
        Store(pc + (2 * ldc), c20 - sum0, c21 - sum1);
        Store(pc + (3 * ldc), c30 - sum0, c31 - sum1);
        Store(pc + (4 * ldc), c40 - sum0, c41 - sum1);
        Store(pc + (5 * ldc), c50 - sum0, c51 - sum1);
    }

    private static void Store(int* row, Vector256<int> lo, Vector256<int> hi)
    {
        Avx.Store(row, lo);
        Avx.Store(row + 8, hi);
    }
}
