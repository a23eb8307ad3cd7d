using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lpu.Tensors.Kernels;

/// <summary>
/// int8 GEMM on a 256-bit multiply-add instruction that sums a group of k-values into each int32
/// lane (<typeparamref name="TDot"/>: AVX-VNNI, or AVX2 for CPUs without it); the JIT compiles one
/// kernel per instruction, with the instruction inlined.
/// <para>
/// Layout: B is packed once into panels of <see cref="Nr"/> columns; inside a panel, for each group
/// of k-values, the 4 bytes of each column lie together (the order the instruction reads them).
/// A is packed per cache block into micro-panels of <see cref="Mr"/> rows, in the same 4-byte
/// groups. The 6 x 16 register tile keeps 12 accumulators, two B vectors and one broadcast A word
/// in registers (fits the 16 ymm registers of a CPU without AVX-512).
/// </para>
/// <para>
/// Blocking: up to <see cref="BlockGroups"/> k-groups per pass, so one B micro-panel (16 KB) stays
/// in L1d while the register tile walks down the packed A block (~256 KB, in L2).
/// Work is split statically into one part per core, by rows (or by column panels when there are
/// few rows); small products run on the calling thread.
/// </para>
/// </summary>
internal static unsafe class Int8TileKernel<TDot>
    where TDot : struct, IInt8DotProduct
{
    /// <summary>Rows of the register tile.</summary>
    public const int Mr = 6;

    /// <summary>Columns of a B panel and of the register tile (two 8-lane vectors).</summary>
    public const int Nr = 16;

    // Bytes of one k-group of a B panel.
    private const int PanelGroupBytes = Nr * 4;

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

    /// <summary>
    /// C (m x n) = A (m x k) x B (k x n), all row-major, m, k, n > 0, on as many cores as the product
    /// is worth. B is packed first into pooled buffers: a large product would otherwise allocate on
    /// the large-object heap each time. Every element of C is written.
    /// </summary>
    public static void Multiply(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<int> c, int m, int k, int n)
    {
        var panels = ArrayPool<byte>.Shared.Rent(checked((int)PanelBytes(k, n) + 63));
        var starts = ArrayPool<int>.Shared.Rent(Panels(n) * Nr);
        try
        {
            fixed (sbyte* pa = a)
            fixed (sbyte* pb = b)
            fixed (byte* pp = panels)
            fixed (int* ps = starts)
            fixed (int* pc = c)
            {
                var aligned = pp + AlignmentOffset(pp);
                var job = new Job(pa, aligned, ps, pc, m, k, n);
                var parts = PartCount(m, k, n);
                if (parts == 1)
                {
                    PackPanels(pb, k, n, aligned, ps, 0, Panels(n));
                    job.Run(0, 1);
                }
                else
                {
                    PackOnCores(new PanelPacking(pb, k, n, aligned, ps), Panels(n), parts);
                    RunOnCores(job, parts);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<byte>.Shared.Return(panels);
        }
    }

    // The next 64-byte boundary from `address`, so that no B load splits a cache line.
    private static int AlignmentOffset(byte* address) => (int)((64 - ((nuint)address % 64)) % 64);

    private static void PackOnCores(PanelPacking packing, int panelCount, int parts) =>
        Parallel.For(0, parts, part => packing.Run((int)((long)panelCount * part / parts), (int)((long)panelCount * (part + 1) / parts)));

    // Panels [panel0, panel1) of B. The loops of this kernel are compiled optimized at once
    // (AggressiveOptimization): a product runs them once per call, too few calls to tier up soon.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackPanels(sbyte* b, int k, int n, byte* panels, int* starts, int panel0, int panel1)
    {
        var groups = Groups(k);
        var panelBytes = (long)groups * PanelGroupBytes;
        var fullPanels = Math.Min(panel1, n / Nr);
        var fullGroups = k / TDot.GroupK;

        // Group by group along the rows of B, so B is read in order; each panel receives one
        // whole cache line per group.
        for (var g = 0; g < fullGroups; g++)
        {
            var src = b + ((long)g * TDot.GroupK * n);
            var dst = panels + ((long)g * PanelGroupBytes);
            for (var p = panel0; p < fullPanels; p++)
            {
                TDot.PackB16(src + (p * Nr), dst + (p * panelBytes), n);
            }
        }

        // The last group (k not a multiple of the group) and the last panel (n not a multiple of 16), zero-padded.
        for (var p = panel0; p < panel1; p++)
        {
            var col0 = p * Nr;
            var cols = Math.Min(Nr, n - col0);
            for (var g = cols == Nr ? fullGroups : 0; g < groups; g++)
            {
                var dst = panels + (p * panelBytes) + ((long)g * PanelGroupBytes);
                new Span<byte>(dst, PanelGroupBytes).Clear();
                for (var t = 0; t < TDot.GroupK && (g * TDot.GroupK) + t < k; t++)
                {
                    var src = b + ((((long)g * TDot.GroupK) + t) * n) + col0;
                    for (var j = 0; j < cols; j++)
                    {
                        TDot.PutB(dst + (j * 4), t, src[j]);
                    }
                }
            }

            TDot.StoreStarts(panels + (p * panelBytes), groups, starts + col0);
        }
    }

    // Apart from the callers so that the closure is only allocated when the work is split.
    private static void RunOnCores(Job job, int parts) => Parallel.For(0, parts, part => job.Run(part, parts));

    private static int Groups(int k) => (k + TDot.GroupK - 1) / TDot.GroupK;

    private static int PartCount(int m, int k, int n)
    {
        if ((long)m * k * n < ParallelMultiplyAdds)
        {
            return 1;
        }

        var tiles = Math.Max((m + Mr - 1) / Mr, Panels(n));
        return Math.Max(1, Math.Min(Environment.ProcessorCount, tiles));
    }

    // Packs rows [tile0 * Mr, tile1 * Mr) of A, k-groups [group0, group0 + blockGroups), as TDot reads them:
    // tile t at (t - tile0) x blockGroups x Mr x 4 bytes, then group by group, Mr rows of 4 bytes.
    // Rows past m are 0 and k-values past k are packed as 0 (they only ever meet padding).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA(sbyte* a, byte* packed, int m, int k, int tile0, int tile1, int group0, int blockGroups)
    {
        var groupK = TDot.GroupK;
        var left = k - (group0 * groupK);
        var fullGroups = Math.Min(blockGroups, left / groupK);
        var lastGroup = stackalloc sbyte[4];
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

                var src = a + ((long)row * k) + (group0 * groupK);
                for (var g = 0; g < fullGroups; g++)
                {
                    *(uint*)(dst + (g * TileGroupBytes)) = TDot.PackA(src + (g * groupK));
                }

                if (fullGroups < blockGroups)
                {
                    // The last group of k, partly past its end.
                    *(int*)lastGroup = 0;
                    new ReadOnlySpan<sbyte>(src + (fullGroups * groupK), left - (fullGroups * groupK)).CopyTo(new Span<sbyte>(lastGroup, 4));
                    *(uint*)(dst + (fullGroups * TileGroupBytes)) = TDot.PackA(lastGroup);
                }
            }
        }
    }

    // The 6 x 16 register tile: C rows start at the starts (first k-block) or at C itself.
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

        for (var g = 0; g < groups; g++)
        {
            var b0 = Vector256.Load(pb);
            var b1 = Vector256.Load(pb + 32);
            var a = Vector256.Create(*(int*)pa).AsByte();
            c00 = TDot.MultiplyAdd(c00, a, b0);
            c01 = TDot.MultiplyAdd(c01, a, b1);
            a = Vector256.Create(*(int*)(pa + 4)).AsByte();
            c10 = TDot.MultiplyAdd(c10, a, b0);
            c11 = TDot.MultiplyAdd(c11, a, b1);
            a = Vector256.Create(*(int*)(pa + 8)).AsByte();
            c20 = TDot.MultiplyAdd(c20, a, b0);
            c21 = TDot.MultiplyAdd(c21, a, b1);
            a = Vector256.Create(*(int*)(pa + 12)).AsByte();
            c30 = TDot.MultiplyAdd(c30, a, b0);
            c31 = TDot.MultiplyAdd(c31, a, b1);
            a = Vector256.Create(*(int*)(pa + 16)).AsByte();
            c40 = TDot.MultiplyAdd(c40, a, b0);
            c41 = TDot.MultiplyAdd(c41, a, b1);
            a = Vector256.Create(*(int*)(pa + 20)).AsByte();
            c50 = TDot.MultiplyAdd(c50, a, b0);
            c51 = TDot.MultiplyAdd(c51, a, b1);
            pa += TileGroupBytes;
            pb += PanelGroupBytes;
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
    // `row`. Four pairs of sums, each taking every fourth k-group, hide the multiply-add's latency.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowTile(byte* pa, byte* pb, int groups, int* row)
    {
        var s00 = Vector256.Load(row);
        var s01 = Vector256.Load(row + 8);
        Vector256<int> s10 = default, s11 = default, s20 = default, s21 = default, s30 = default, s31 = default;
        var g = 0;
        for (; g + 4 <= groups; g += 4)
        {
            var a = Vector256.Create(*(int*)pa).AsByte();
            s00 = TDot.MultiplyAdd(s00, a, Vector256.Load(pb));
            s01 = TDot.MultiplyAdd(s01, a, Vector256.Load(pb + 32));
            a = Vector256.Create(*(int*)(pa + TileGroupBytes)).AsByte();
            s10 = TDot.MultiplyAdd(s10, a, Vector256.Load(pb + PanelGroupBytes));
            s11 = TDot.MultiplyAdd(s11, a, Vector256.Load(pb + PanelGroupBytes + 32));
            a = Vector256.Create(*(int*)(pa + (2 * TileGroupBytes))).AsByte();
            s20 = TDot.MultiplyAdd(s20, a, Vector256.Load(pb + (2 * PanelGroupBytes)));
            s21 = TDot.MultiplyAdd(s21, a, Vector256.Load(pb + (2 * PanelGroupBytes) + 32));
            a = Vector256.Create(*(int*)(pa + (3 * TileGroupBytes))).AsByte();
            s30 = TDot.MultiplyAdd(s30, a, Vector256.Load(pb + (3 * PanelGroupBytes)));
            s31 = TDot.MultiplyAdd(s31, a, Vector256.Load(pb + (3 * PanelGroupBytes) + 32));
            pa += 4 * TileGroupBytes;
            pb += 4 * PanelGroupBytes;
        }

        for (; g < groups; g++)
        {
            var a = Vector256.Create(*(int*)pa).AsByte();
            s00 = TDot.MultiplyAdd(s00, a, Vector256.Load(pb));
            s01 = TDot.MultiplyAdd(s01, a, Vector256.Load(pb + 32));
            pa += TileGroupBytes;
            pb += PanelGroupBytes;
        }

        (s00 + s10 + (s20 + s30)).Store(row);
        (s01 + s11 + (s21 + s31)).Store(row + 8);
    }

    /// <summary>
    /// B (k x n, both > 0) packed once for many products A x B. Immutable once made, so one instance
    /// may serve several threads at once.
    /// </summary>
    public sealed class PackedB
    {
        private readonly byte[] panels;  // pinned, so the 64-byte boundary found at packing stays one
        private readonly int offset;
        private readonly int[] starts;
        private readonly int k;
        private readonly int n;

        public PackedB(ReadOnlySpan<sbyte> b, int k, int n)
        {
            this.k = k;
            this.n = n;
            panels = GC.AllocateUninitializedArray<byte>(checked((int)PanelBytes(k, n) + 63), pinned: true);
            starts = new int[Panels(n) * Nr];
            fixed (sbyte* pb = b)
            fixed (byte* pp = panels)
            fixed (int* ps = starts)
            {
                offset = AlignmentOffset(pp);
                PackPanels(pb, k, n, pp + offset, ps, 0, Panels(n));
            }
        }

        /// <summary>C (m x n) = A (m x k) x B, row-major, m > 0; every element of C is written.</summary>
        public void Multiply(ReadOnlySpan<sbyte> a, Span<int> c, int m)
        {
            fixed (sbyte* pa = a)
            fixed (byte* pp = panels)
            fixed (int* ps = starts)
            fixed (int* pc = c)
            {
                var job = new Job(pa, pp + offset, ps, pc, m, k, n);
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
        }
    }

    // The arguments of a packing of B split by column panels, pinned by the caller.
    private sealed class PanelPacking(sbyte* b, int k, int n, byte* panels, int* starts)
    {
        public void Run(int panel0, int panel1) => PackPanels(b, k, n, panels, starts, panel0, panel1);
    }

    // The pointers of one multiplication, pinned by the caller for the duration of Run.
    private readonly struct Job(sbyte* a, byte* panels, int* starts, int* c, int m, int k, int n)
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
                var start = g0 == 0 ? starts + (p * Nr) : null;
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
