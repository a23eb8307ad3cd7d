namespace Lpu.Compiler.Gemm;

/// <summary>
/// Where a compiled GEMM keeps its operands in SRAM (global slice numbers, word addresses), so a
/// host can load A and B and read C back, and which plane computes what. Operands are cut into
/// vector-length tiles and zero-padded: A row m, K-tile kt is one word (a copy in every activation
/// slice); weight tile (kt, nt) is VL rows spread over a side's weight slices (a copy per side);
/// C row m, N-tile nt is four words, byte plane b of the int32 results, in the result slices of the
/// plane that computed it.
/// <para>
/// Work: rows are cut into chunks of <see cref="ChunkRows"/> (the accumulator rows of a plane); the
/// jobs (chunk, N-tile) are dealt to the planes in chunk-major order, <see cref="PlaneCount"/> at a
/// time (a <em>wave</em>), so the planes of a wave usually share the chunk and with it the
/// activation stream of their side.
/// </para>
/// </summary>
public sealed record GemmLayout(
    GemmShape Shape,
    int VectorLength,
    int ChunkRows,
    int PlaneCount,
    IReadOnlyList<GemmSide> Sides)
{
    /// <summary>K-tiles: ceil(K / VL).</summary>
    public int KTiles => (Shape.K + VectorLength - 1) / VectorLength;

    /// <summary>N-tiles: ceil(N / VL).</summary>
    public int NTiles => (Shape.N + VectorLength - 1) / VectorLength;

    /// <summary>Row chunks: ceil(M / ChunkRows).</summary>
    public int Chunks => (Shape.M + ChunkRows - 1) / ChunkRows;

    /// <summary>Waves of jobs: ceil(chunks x N-tiles / planes).</summary>
    public int Waves => ((Chunks * NTiles) + PlaneCount - 1) / PlaneCount;

    /// <summary>Rows of A in <paramref name="chunk"/>.</summary>
    public int RowsOf(int chunk) => Math.Min(ChunkRows, Shape.M - (chunk * ChunkRows));

    /// <summary>Rows of weight tile <paramref name="kt"/> that meet a non-padding activation lane.</summary>
    public int ValidRows(int kt) => Math.Min(VectorLength, Shape.K - (kt * VectorLength));

    /// <summary>The jobs of <paramref name="wave"/>, one per plane, in plane order (the last wave may leave planes idle).</summary>
    public IReadOnlyList<GemmJob> JobsOf(int wave)
    {
        var jobs = new List<GemmJob>();
        for (var plane = 0; plane < PlaneCount; plane++)
        {
            var index = (wave * PlaneCount) + plane;
            if (index < Chunks * NTiles)
                jobs.Add(new GemmJob(plane, index / NTiles, index % NTiles));
        }

        return jobs;
    }

    /// <summary>The plane that computes rows of <paramref name="chunk"/> in N-tile <paramref name="nt"/>.</summary>
    public int PlaneOf(int chunk, int nt) => ((chunk * NTiles) + nt) % PlaneCount;

    /// <summary>The side <paramref name="plane"/> belongs to.</summary>
    public GemmSide SideOf(int plane) => Sides.First(s => s.Planes.Contains(plane));

    /// <summary>Weight words per tile in each weight slice of <paramref name="side"/>: ceil(VL / weight slices).</summary>
    public int WeightWordsPerTile(GemmSide side) => (VectorLength + side.WeightSlices.Count - 1) / side.WeightSlices.Count;

    /// <summary>Address of A row <paramref name="m"/>, K-tile <paramref name="kt"/> in every activation slice.</summary>
    public int ActivationAddress(int m, int kt) => (m * KTiles) + kt;

    /// <summary>Slice and address of row <paramref name="r"/> of weight tile (<paramref name="kt"/>, <paramref name="nt"/>) in <paramref name="side"/>.</summary>
    public (int Slice, int Address) WeightWord(GemmSide side, int kt, int nt, int r) =>
        (side.WeightSlices[r % side.WeightSlices.Count], (((nt * KTiles) + kt) * WeightWordsPerTile(side)) + (r / side.WeightSlices.Count));

    /// <summary>Address of C row <paramref name="m"/>, N-tile <paramref name="nt"/> in each of its result slices.</summary>
    public int ResultAddress(int m, int nt) => (m * NTiles) + nt;

    /// <summary>Slice and address of byte plane <paramref name="b"/> of C row <paramref name="m"/>, N-tile <paramref name="nt"/>.</summary>
    public (int Slice, int Address) ResultWord(int m, int nt, int b)
    {
        var plane = PlaneOf(m / ChunkRows, nt);
        var side = SideOf(plane);
        return (side.ResultSlices[IndexOf(side.Planes, plane)][b], ResultAddress(m, nt));
    }

    /// <summary>The highest address each kind of slice uses, plus one.</summary>
    public (int Activation, int Weight, int Result) WordsUsed =>
        (Shape.M * KTiles, Sides.Max(s => KTiles * NTiles * WeightWordsPerTile(s)), Shape.M * NTiles);

    /// <summary>
    /// Reads C (row-major M x N) back through <paramref name="readWord"/>(slice, address), which
    /// returns one VL-byte word.
    /// </summary>
    public int[] ReadResult(Func<int, int, byte[]> readWord)
    {
        var c = new int[Shape.M * Shape.N];
        var planes = new byte[4][];
        for (var m = 0; m < Shape.M; m++)
        {
            for (var nt = 0; nt < NTiles; nt++)
            {
                for (var b = 0; b < 4; b++)
                {
                    var (slice, address) = ResultWord(m, nt, b);
                    planes[b] = readWord(slice, address);
                }

                for (var lane = 0; lane < VectorLength; lane++)
                {
                    var n = (nt * VectorLength) + lane;
                    if (n < Shape.N)
                        c[(m * Shape.N) + n] = planes[0][lane] | (planes[1][lane] << 8) | (planes[2][lane] << 16) | (planes[3][lane] << 24);
                }
            }
        }

        return c;
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
                return i;
        }

        return -1;
    }
}
