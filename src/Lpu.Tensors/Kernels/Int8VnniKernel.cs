using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Lpu.Tensors.Kernels;

/// <summary>
/// int8 GEMM on AVX-VNNI (<c>vpdpbusd</c>: unsigned bytes x signed bytes, four products summed into
/// each int32 lane).
/// <para>
/// Exactness: A is fed as A + 128 (unsigned), so every sum is too large by 128 x the column sum of B;
/// the accumulators start at minus that (computed once when B is packed). Everything wraps mod 2^32
/// like the int32 accumulators, so the result is exact.
/// </para>
/// <para>
/// Layout: B is packed once into panels of <see cref="Nr"/> columns; inside a panel, for each group
/// of 4 k-values, the 4 bytes of each column lie together (the order <c>vpdpbusd</c> reads them).
/// A is packed per cache block into micro-panels of <see cref="Mr"/> rows, in the same 4-byte
/// groups. The 6 x 16 register tile keeps 12 accumulators, two B vectors and one broadcast A word
/// in registers (fits the 16 ymm registers of AVX-VNNI without AVX-512).
/// </para>
/// <para>
/// Blocking: up to <see cref="BlockGroups"/> k-groups (1024 k) per pass, so one B micro-panel
/// (16 KB) stays in L1d while the register tile walks down the packed A block (~256 KB, in L2).
/// Work is split statically into one part per core, by rows (or by column panels when there are
/// few rows); small products run on the calling thread.
/// </para>
/// </summary>
internal static unsafe class Int8VnniKernel
{
    /// <summary>Rows of the register tile.</summary>
    public const int Mr = 6;

    /// <summary>Columns of a B panel and of the register tile (two 8-lane vectors).</summary>
    public const int Nr = 16;

    /// <summary>Bytes of one k-group of a B panel.</summary>
    public const int PanelGroupBytes = Nr * 4;

    private const int TileGroupBytes = Mr * 4;
    private const int BlockGroups = 256;
    private const int ABlockBytes = 256 * 1024;

    // Below this many multiply-adds (~60 us on one core, e.g. 128 x 320 x 320) the product stays on the
    // calling thread: waking another costs microseconds and, on a busy machine, much CPU time waiting.
    private const long ParallelMultiplyAdds = 1L << 24;

    /// <summary>Bytes of the packed panels of a k x n matrix.</summary>
    public static long PanelBytes(int k, int n) => (long)Panels(n) * Groups(k) * PanelGroupBytes;

    /// <summary>Number of column panels of a matrix with n columns.</summary>
    public static int Panels(int n) => (n + Nr - 1) / Nr;

    /// <summary>Where to start the panels in an array at <paramref name="address"/>: the next 64-byte boundary, so no B load splits a cache line.</summary>
    public static int AlignmentOffset(void* address) => (int)((64 - ((nuint)address % 64)) % 64);

    /// <summary>
    /// Packs row-major B (k x n, k and n > 0) into <paramref name="panels"/> (<see cref="PanelBytes"/>
    /// long, best 64-byte aligned) and writes -128 x the column sums into <paramref name="corrections"/>
    /// (Panels(n) x Nr, zero for padding columns).
    /// </summary>
    public static void PackB(sbyte* b, int k, int n, byte* panels, int* corrections) => PackPanels(b, k, n, panels, corrections, 0, Panels(n));

    /// <summary>
    /// C (m x n) = A (m x k) x B (k x n), both row-major, m, k, n > 0, packing B into
    /// <paramref name="panels"/> and <paramref name="corrections"/> first (as <see cref="PackB"/>),
    /// on as many cores as the product is worth. The caller keeps every pointer pinned.
    /// </summary>
    public static void PackAndMultiply(sbyte* a, sbyte* b, byte* panels, int* corrections, int* c, int m, int k, int n)
    {
        var job = new Job(a, panels, corrections, c, m, k, n);
        var parts = PartCount(m, k, n);
        if (parts == 1)
        {
            PackB(b, k, n, panels, corrections);
            job.Run(0, 1);
            return;
        }

        PackOnCores(new PanelPacking(b, k, n, panels, corrections), Panels(n), parts);
        RunOnCores(job, parts);
    }

    private static void PackOnCores(PanelPacking packing, int panelCount, int parts) =>
        Parallel.For(0, parts, part => packing.Run((int)((long)panelCount * part / parts), (int)((long)panelCount * (part + 1) / parts)));

    // Panels [panel0, panel1) of B. The loops of this kernel are compiled optimized at once
    // (AggressiveOptimization): a product runs them once per call, too few calls to tier up soon.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackPanels(sbyte* b, int k, int n, byte* panels, int* corrections, int panel0, int panel1)
    {
        var groups = Groups(k);
        var panelBytes = (long)groups * PanelGroupBytes;
        var fullPanels = Math.Min(panel1, n / Nr);
        var fullGroups = k / 4;

        // Group by group along the rows of B, so B is read in order; each panel receives one
        // whole cache line per group.
        for (var g = 0; g < fullGroups; g++)
        {
            var src = b + ((long)g * 4 * n);
            var dst = panels + ((long)g * PanelGroupBytes);
            for (var p = panel0; p < fullPanels; p++)
            {
                PackGroup16(src + (p * Nr), dst + (p * panelBytes), n);
            }
        }

        // The last group (k not a multiple of 4) and the last panel (n not a multiple of 16), zero-padded.
        for (var p = panel0; p < panel1; p++)
        {
            var col0 = p * Nr;
            var cols = Math.Min(Nr, n - col0);
            for (var g = cols == Nr ? fullGroups : 0; g < groups; g++)
            {
                var dst = panels + (p * panelBytes) + ((long)g * PanelGroupBytes);
                new Span<byte>(dst, PanelGroupBytes).Clear();
                for (var t = 0; t < 4 && (g * 4) + t < k; t++)
                {
                    var src = b + ((((long)g * 4) + t) * n) + col0;
                    for (var j = 0; j < cols; j++)
                    {
                        dst[(j * 4) + t] = (byte)src[j];
                    }
                }
            }

            StoreCorrections(panels + (p * panelBytes), groups, corrections + col0);
        }
    }

    /// <summary>
    /// C (m x n) = A (m x k, row-major) x B (packed by <see cref="PackB"/>); m, k, n > 0. Every
    /// element of C is written. The caller keeps every pointer pinned.
    /// </summary>
    public static void Multiply(sbyte* a, byte* panels, int* corrections, int* c, int m, int k, int n)
    {
        var job = new Job(a, panels, corrections, c, m, k, n);
        var parts = PartCount(m, k, n);
        if (parts == 1)
        {
            job.Run(0, 1);
        }
        else
        {
            RunOnCores(job, parts);
        }
    }

    // Apart from the callers so that the closure is only allocated when the work is split.
    private static void RunOnCores(Job job, int parts) => Parallel.For(0, parts, part => job.Run(part, parts));

    private static int Groups(int k) => (k + 3) / 4;

    private static int PartCount(int m, int k, int n)
    {
        if ((long)m * k * n < ParallelMultiplyAdds)
        {
            return 1;
        }

        var tiles = Math.Max((m + Mr - 1) / Mr, Panels(n));
        return Math.Max(1, Math.Min(Environment.ProcessorCount, tiles));
    }

    // Transposes 4 rows x 16 columns of bytes into 16 columns x 4 bytes with two rounds of unpacks.
    private static void PackGroup16(sbyte* src, byte* dst, int n)
    {
        var r0 = Vector128.Load(src).AsByte();
        var r1 = Vector128.Load(src + n).AsByte();
        var r2 = Vector128.Load(src + (2L * n)).AsByte();
        var r3 = Vector128.Load(src + (3L * n)).AsByte();
        var r01Lo = Sse2.UnpackLow(r0, r1).AsInt16();
        var r01Hi = Sse2.UnpackHigh(r0, r1).AsInt16();
        var r23Lo = Sse2.UnpackLow(r2, r3).AsInt16();
        var r23Hi = Sse2.UnpackHigh(r2, r3).AsInt16();
        Sse2.UnpackLow(r01Lo, r23Lo).AsByte().Store(dst);
        Sse2.UnpackHigh(r01Lo, r23Lo).AsByte().Store(dst + 16);
        Sse2.UnpackLow(r01Hi, r23Hi).AsByte().Store(dst + 32);
        Sse2.UnpackHigh(r01Hi, r23Hi).AsByte().Store(dst + 48);
    }

    // -128 x the column sums of one panel, via vpdpbusd with all-ones as the unsigned operand.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StoreCorrections(byte* panel, int groups, int* corrections)
    {
        var ones = Vector256.Create((byte)1);
        var sum0 = Vector256<int>.Zero;
        var sum1 = Vector256<int>.Zero;
        for (var g = 0; g < groups; g++)
        {
            var group = panel + ((long)g * PanelGroupBytes);
            sum0 = AvxVnni.MultiplyWideningAndAdd(sum0, ones, Vector256.Load((sbyte*)group));
            sum1 = AvxVnni.MultiplyWideningAndAdd(sum1, ones, Vector256.Load((sbyte*)group + 32));
        }

        (Vector256<int>.Zero - (sum0 << 7)).Store(corrections);
        (Vector256<int>.Zero - (sum1 << 7)).Store(corrections + 8);
    }

    // Packs rows [tile0 * Mr, tile1 * Mr) of A, k-groups [group0, group0 + blockGroups), as A + 128:
    // tile t at (t - tile0) x blockGroups x Mr x 4 bytes, then group by group, Mr rows of 4 bytes.
    // Rows past m and k-values past k are 0 (they only ever meet padding).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA(sbyte* a, byte* packed, int m, int k, int tile0, int tile1, int group0, int blockGroups)
    {
        var fullGroups = Math.Min(blockGroups, (k - (group0 * 4)) / 4);
        for (var t = tile0; t < tile1; t++)
        {
            var tile = packed + ((long)(t - tile0) * blockGroups * TileGroupBytes);
            for (var r = 0; r < Mr; r++)
            {
                var row = (t * Mr) + r;
                var dst = tile + (r * 4);
                if (row >= m)
                {
                    for (var g = 0; g < blockGroups; g++)
                    {
                        *(int*)(dst + (g * TileGroupBytes)) = 0;
                    }

                    continue;
                }

                var src = a + ((long)row * k) + (group0 * 4);
                for (var g = 0; g < fullGroups; g++)
                {
                    // Flipping the top bit of each byte adds 128 to it as a two's-complement byte.
                    *(uint*)(dst + (g * TileGroupBytes)) = Unsafe.ReadUnaligned<uint>(src + (g * 4)) ^ 0x80808080u;
                }

                if (fullGroups < blockGroups)
                {
                    // The last group of k, partly past its end.
                    var last = dst + (fullGroups * TileGroupBytes);
                    *(int*)last = 0;
                    for (var p = fullGroups * 4; p < k - (group0 * 4); p++)
                    {
                        last[p & 3] = (byte)(src[p] ^ sbyte.MinValue);
                    }
                }
            }
        }
    }

    // The 6 x 16 register tile: C rows start at the corrections (first k-block) or at C itself.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(byte* pa, byte* pb, int groups, int* pc, int ldc, int* start)
    {
        Vector256<int> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (start != null)
        {
            c00 = c10 = c20 = c30 = c40 = c50 = Vector256.Load(start);
            c01 = c11 = c21 = c31 = c41 = c51 = Vector256.Load(start + 8);
        }
        else
        {
            c00 = Vector256.Load(pc);
            c01 = Vector256.Load(pc + 8);
            c10 = Vector256.Load(pc + ldc);
            c11 = Vector256.Load(pc + ldc + 8);
            c20 = Vector256.Load(pc + (2 * ldc));
            c21 = Vector256.Load(pc + (2 * ldc) + 8);
            c30 = Vector256.Load(pc + (3 * ldc));
            c31 = Vector256.Load(pc + (3 * ldc) + 8);
            c40 = Vector256.Load(pc + (4 * ldc));
            c41 = Vector256.Load(pc + (4 * ldc) + 8);
            c50 = Vector256.Load(pc + (5 * ldc));
            c51 = Vector256.Load(pc + (5 * ldc) + 8);
        }

        var sb = (sbyte*)pb;
        for (var g = 0; g < groups; g++)
        {
            var b0 = Vector256.Load(sb);
            var b1 = Vector256.Load(sb + 32);
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
            pa += TileGroupBytes;
            sb += PanelGroupBytes;
        }

        c00.Store(pc);
        c01.Store(pc + 8);
        c10.Store(pc + ldc);
        c11.Store(pc + ldc + 8);
        c20.Store(pc + (2 * ldc));
        c21.Store(pc + (2 * ldc) + 8);
        c30.Store(pc + (3 * ldc));
        c31.Store(pc + (3 * ldc) + 8);
        c40.Store(pc + (4 * ldc));
        c41.Store(pc + (4 * ldc) + 8);
        c50.Store(pc + (5 * ldc));
        c51.Store(pc + (5 * ldc) + 8);
    }

    // A tile cut by the edge of C, computed in a full-size scratch tile of which the valid part is
    // copied. Up to 3 rows go one row at a time: cheaper than a 6-row tile that is mostly padding
    // (the m = 1..3 products of a batch of activations).
    private static void EdgeTile(byte* pa, byte* pb, int groups, int* pc, int ldc, int* start, int rows, int cols)
    {
        var scratch = stackalloc int[Mr * Nr];
        for (var r = 0; r < rows; r++)
        {
            if (start == null)
            {
                new ReadOnlySpan<int>(pc + ((long)r * ldc), cols).CopyTo(new Span<int>(scratch + (r * Nr), cols));
            }
            else
            {
                new ReadOnlySpan<int>(start, Nr).CopyTo(new Span<int>(scratch + (r * Nr), Nr));
            }
        }

        if (rows <= 3)
        {
            for (var r = 0; r < rows; r++)
            {
                RowTile(pa + (r * 4), pb, groups, scratch + (r * Nr));
            }
        }
        else
        {
            Tile(pa, pb, groups, scratch, Nr, null);
        }

        for (var r = 0; r < rows; r++)
        {
            new ReadOnlySpan<int>(scratch + (r * Nr), cols).CopyTo(new Span<int>(pc + ((long)r * ldc), cols));
        }
    }

    // One row of a tile (A words at stride Mr x 4) times a B micro-panel, added to the 16 sums at
    // `row`. Four pairs of sums, each taking every fourth k-group, hide the latency of vpdpbusd.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowTile(byte* pa, byte* pb, int groups, int* row)
    {
        var s00 = Vector256.Load(row);
        var s01 = Vector256.Load(row + 8);
        Vector256<int> s10 = default, s11 = default, s20 = default, s21 = default, s30 = default, s31 = default;
        var sb = (sbyte*)pb;
        var g = 0;
        for (; g + 4 <= groups; g += 4)
        {
            var a = Vector256.Create(*(int*)pa).AsByte();
            s00 = AvxVnni.MultiplyWideningAndAdd(s00, a, Vector256.Load(sb));
            s01 = AvxVnni.MultiplyWideningAndAdd(s01, a, Vector256.Load(sb + 32));
            a = Vector256.Create(*(int*)(pa + TileGroupBytes)).AsByte();
            s10 = AvxVnni.MultiplyWideningAndAdd(s10, a, Vector256.Load(sb + PanelGroupBytes));
            s11 = AvxVnni.MultiplyWideningAndAdd(s11, a, Vector256.Load(sb + PanelGroupBytes + 32));
            a = Vector256.Create(*(int*)(pa + (2 * TileGroupBytes))).AsByte();
            s20 = AvxVnni.MultiplyWideningAndAdd(s20, a, Vector256.Load(sb + (2 * PanelGroupBytes)));
            s21 = AvxVnni.MultiplyWideningAndAdd(s21, a, Vector256.Load(sb + (2 * PanelGroupBytes) + 32));
            a = Vector256.Create(*(int*)(pa + (3 * TileGroupBytes))).AsByte();
            s30 = AvxVnni.MultiplyWideningAndAdd(s30, a, Vector256.Load(sb + (3 * PanelGroupBytes)));
            s31 = AvxVnni.MultiplyWideningAndAdd(s31, a, Vector256.Load(sb + (3 * PanelGroupBytes) + 32));
            pa += 4 * TileGroupBytes;
            sb += 4 * PanelGroupBytes;
        }

        for (; g < groups; g++)
        {
            var a = Vector256.Create(*(int*)pa).AsByte();
            s00 = AvxVnni.MultiplyWideningAndAdd(s00, a, Vector256.Load(sb));
            s01 = AvxVnni.MultiplyWideningAndAdd(s01, a, Vector256.Load(sb + 32));
            pa += TileGroupBytes;
            sb += PanelGroupBytes;
        }

        (s00 + s10 + (s20 + s30)).Store(row);
        (s01 + s11 + (s21 + s31)).Store(row + 8);
    }

    // The arguments of a packing of B split by column panels, pinned by the caller.
    private sealed class PanelPacking(sbyte* b, int k, int n, byte* panels, int* corrections)
    {
        public void Run(int panel0, int panel1) => PackPanels(b, k, n, panels, corrections, panel0, panel1);
    }

    // The pointers of one multiplication, pinned by the caller for the duration of Run.
    private readonly struct Job(sbyte* a, byte* panels, int* corrections, int* c, int m, int k, int n)
    {
        // Part `part` of `parts`: a contiguous range of row tiles, or of column panels when there
        // are too few row tiles to share.
        public void Run(int part, int parts)
        {
            var rowTiles = (m + Mr - 1) / Mr;
            var panelCount = Panels(n);
            int tile0 = 0, tile1 = rowTiles, panel0 = 0, panel1 = panelCount;
            if (rowTiles >= 2 * parts || rowTiles >= panelCount)
            {
                tile0 = (int)((long)rowTiles * part / parts);
                tile1 = (int)((long)rowTiles * (part + 1) / parts);
            }
            else
            {
                panel0 = (int)((long)panelCount * part / parts);
                panel1 = (int)((long)panelCount * (part + 1) / parts);
            }

            if (tile0 < tile1 && panel0 < panel1)
            {
                Compute(tile0, tile1, panel0, panel1);
            }
        }

        private void Compute(int tile0, int tile1, int panel0, int panel1)
        {
            var groups = Groups(k);
            var blockGroups = Math.Min(BlockGroups, groups);
            // As many A blocks as the L2 budget needs, of equal size: a small last block would
            // stream all of B for a few rows.
            var tiles = tile1 - tile0;
            var maxTiles = Math.Max(1, ABlockBytes / (blockGroups * TileGroupBytes));
            var blocks = (tiles + maxTiles - 1) / maxTiles;
            var tilesPerBlock = (tiles + blocks - 1) / blocks;
            var buffer = ArrayPool<byte>.Shared.Rent(tilesPerBlock * blockGroups * TileGroupBytes);
            try
            {
                fixed (byte* packedA = buffer)
                {
                    for (var t0 = tile0; t0 < tile1; t0 += tilesPerBlock)
                    {
                        var t1 = Math.Min(t0 + tilesPerBlock, tile1);
                        for (var g0 = 0; g0 < groups; g0 += blockGroups)
                        {
                            var gc = Math.Min(blockGroups, groups - g0);
                            PackA(a, packedA, m, k, t0, t1, g0, gc);
                            Block(packedA, t0, t1, panel0, panel1, g0, gc);
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        // One packed A block times the B micro-panels of k-groups [g0, g0 + gc): each B micro-panel
        // stays in L1 while the register tile walks down the rows.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Block(byte* packedA, int t0, int t1, int panel0, int panel1, int g0, int gc)
        {
            var groups = Groups(k);
            for (var p = panel0; p < panel1; p++)
            {
                var pb = panels + ((((long)p * groups) + g0) * PanelGroupBytes);
                var start = g0 == 0 ? corrections + (p * Nr) : null;
                var cols = Math.Min(Nr, n - (p * Nr));
                for (var t = t0; t < t1; t++)
                {
                    var pa = packedA + ((long)(t - t0) * gc * TileGroupBytes);
                    var pc = c + ((long)t * Mr * n) + (p * Nr);
                    var rows = Math.Min(Mr, m - (t * Mr));
                    if (rows == Mr && cols == Nr)
                    {
                        Tile(pa, pb, gc, pc, n, start);
                    }
                    else
                    {
                        EdgeTile(pa, pb, gc, pc, n, start, rows, cols);
                    }
                }
            }
        }
    }
}
