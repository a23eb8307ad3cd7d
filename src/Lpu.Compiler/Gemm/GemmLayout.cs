namespace Lpu.Compiler.Gemm;

/// <summary>
/// Where a compiled GEMM keeps its operands in SRAM (global slice numbers, word addresses), so a
/// host can load A and B and read C back. Operands are cut into vector-length tiles and
/// zero-padded: A row m, K-tile kt is one word; weight tile (kt, nt) is VL rows spread over the
/// weight slices; C row m, N-tile nt is four words, byte plane b of the int32 results in slice
/// <c>ResultSlices[b]</c>.
/// </summary>
public sealed record GemmLayout(
    GemmShape Shape,
    int VectorLength,
    int ActivationSlice,
    IReadOnlyList<int> WeightSlices,
    IReadOnlyList<int> ResultSlices)
{
    /// <summary>K-tiles: ceil(K / VL).</summary>
    public int KTiles => (Shape.K + VectorLength - 1) / VectorLength;

    /// <summary>N-tiles: ceil(N / VL).</summary>
    public int NTiles => (Shape.N + VectorLength - 1) / VectorLength;

    /// <summary>Weight words per tile in each weight slice: ceil(VL / weight slices).</summary>
    public int WeightWordsPerTile => (VectorLength + WeightSlices.Count - 1) / WeightSlices.Count;

    /// <summary>Address of A row <paramref name="m"/>, K-tile <paramref name="kt"/> in the activation slice.</summary>
    public int ActivationAddress(int m, int kt) => (m * KTiles) + kt;

    /// <summary>Slice and address of row <paramref name="r"/> of weight tile (<paramref name="kt"/>, <paramref name="nt"/>).</summary>
    public (int Slice, int Address) WeightWord(int kt, int nt, int r) =>
        (WeightSlices[r % WeightSlices.Count], (((nt * KTiles) + kt) * WeightWordsPerTile) + (r / WeightSlices.Count));

    /// <summary>Address of C row <paramref name="m"/>, N-tile <paramref name="nt"/> in each result slice.</summary>
    public int ResultAddress(int m, int nt) => (m * NTiles) + nt;

    /// <summary>The highest address each kind of slice uses, plus one.</summary>
    public (int Activation, int Weight, int Result) WordsUsed =>
        (Shape.M * KTiles, KTiles * NTiles * WeightWordsPerTile, Shape.M * NTiles);

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
                    planes[b] = readWord(ResultSlices[b], ResultAddress(m, nt));
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
}
