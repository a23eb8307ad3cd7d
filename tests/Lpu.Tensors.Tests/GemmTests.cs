namespace Lpu.Tensors.Tests;

public class GemmTests
{
    public static TheoryData<GemmPath, int, int, int> Int8Cases()
    {
        var data = new TheoryData<GemmPath, int, int, int>();
        // Ragged sizes, and sizes on both sides of the tile kernels' blocks: 6-row register tiles,
        // 16-column B panels, k-groups of 4 (VNNI) or 2 (AVX2) values, k-blocks of 1024 or 512
        // values, A blocks of at most 42 tiles, and products large enough to be split over the
        // cores (by rows, or by columns when few rows).
        int[][] shapes =
        [
            [1, 1, 1], [1, 7, 1], [3, 1, 5], [3, 5, 7], [6, 4, 16], [7, 5, 17], [13, 33, 31],
            [1, 64, 1], [12, 128, 32], [5, 3, 40], [17, 33, 65], [37, 259, 49], [64, 64, 64],
            [65, 129, 257], [5, 511, 15], [6, 512, 16], [7, 513, 17],
            [5, 1023, 15], [6, 1024, 16], [7, 1025, 17], [11, 1029, 33], [520, 515, 20],
            [2, 2051, 3], [1, 320, 320], [64, 320, 320], [600, 1030, 30], [6, 2100, 1400],
            [301, 67, 300],
        ];
        foreach (var path in new[] { GemmPath.Auto, GemmPath.Vnni, GemmPath.Avx2, GemmPath.Portable, GemmPath.Scalar })
        {
            foreach (var s in shapes)
            {
                data.Add(path, s[0], s[1], s[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Int8Cases))]
    public void Int8_matches_the_plain_loop(GemmPath path, int m, int k, int n)
    {
        if (!Gemm.IsSupported(path))
        {
            Assert.Throws<PlatformNotSupportedException>(() => Gemm.Multiply(new Matrix<sbyte>(1, 1), new Matrix<sbyte>(1, 1), path));
            return;
        }

        var rng = new Random((m * 1000003) + (k * 1009) + n);
        var a = RandomInt8(rng, m, k);
        var b = RandomInt8(rng, k, n);

        var c = Gemm.Multiply(a, b, path);

        Assert.Equal(m, c.Rows);
        Assert.Equal(n, c.Cols);
        Assert.Equal(PlainInt8(a, b), c.Data);
    }

    [Theory]
    [InlineData(GemmPath.Vnni)]
    [InlineData(GemmPath.Avx2)]
    [InlineData(GemmPath.Portable)]
    [InlineData(GemmPath.Scalar)]
    public void Int8_extreme_values_sum_exactly(GemmPath path)
    {
        if (!Gemm.IsSupported(path))
        {
            Assert.Throws<PlatformNotSupportedException>(() => Gemm.Multiply(new Matrix<sbyte>(1, 1), new Matrix<sbyte>(1, 1), path));
            return;
        }

        // -128 x -128 = 16384 per term: 700 terms make 11,468,800, and -128 x 127 mixes signs.
        const int k = 700;
        var a = new Matrix<sbyte>(7, k);
        var b = new Matrix<sbyte>(k, 19);
        Array.Fill(a.Data, sbyte.MinValue);
        Array.Fill(b.Data, sbyte.MinValue);
        for (var p = 0; p < k; p++)
        {
            b[p, 18] = sbyte.MaxValue;
        }

        a.Row(6).Fill(sbyte.MaxValue);

        var c = Gemm.Multiply(a, b, path);

        Assert.Equal(11_468_800, c[0, 0]);
        Assert.Equal(-128 * 127 * k, c[0, 18]);
        Assert.Equal(127 * -128 * k, c[6, 0]);
        Assert.Equal(127 * 127 * k, c[6, 18]);
        Assert.Equal(PlainInt8(a, b), c.Data);
    }

    [Fact]
    public void Int8_by_hand()
    {
        var a = new Matrix<sbyte>(2, 3, [1, 2, 3, -4, 5, -6]);
        var b = new Matrix<sbyte>(3, 2, [7, -8, 9, 10, -11, 12]);

        foreach (var path in new[] { GemmPath.Auto, GemmPath.Vnni, GemmPath.Avx2, GemmPath.Portable, GemmPath.Scalar }.Where(Gemm.IsSupported))
        {
            // Row 0: 7 + 18 - 33 = -8 and -8 + 20 + 36 = 48; row 1: -28 + 45 + 66 = 83 and 32 + 50 - 72 = 10.
            Assert.Equal([-8, 48, 83, 10], Gemm.Multiply(a, b, path).Data);
        }
    }

    [Fact]
    public void Empty_dimensions_give_zeros()
    {
        var c = Gemm.Multiply(new Matrix<sbyte>(3, 0), new Matrix<sbyte>(0, 2));

        Assert.Equal(new int[6], c.Data);
        Assert.Equal(0, Gemm.Multiply(new Matrix<sbyte>(0, 4), new Matrix<sbyte>(4, 2)).Rows);
    }

    [Fact]
    public void Mismatched_shapes_are_rejected_with_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new Matrix<sbyte>(2, 3), new Matrix<sbyte>(4, 5)));

        Assert.Contains("2x3", e.Message, StringComparison.Ordinal);
        Assert.Contains("4x5", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GemmPath.Auto, 1, 1, 1)]
    [InlineData(GemmPath.Auto, 7, 13, 17)]
    [InlineData(GemmPath.Auto, 37, 100, 45)]
    [InlineData(GemmPath.Portable, 1, 1, 1)]
    [InlineData(GemmPath.Portable, 1, 9, 1)]
    [InlineData(GemmPath.Portable, 6, 1, 16)]
    [InlineData(GemmPath.Portable, 7, 13, 17)]
    [InlineData(GemmPath.Portable, 37, 100, 45)]
    [InlineData(GemmPath.Scalar, 7, 13, 17)]
    public void Float32_matches_the_fused_plain_loop_bit_for_bit(GemmPath path, int m, int k, int n)
    {
        var rng = new Random((m * 31) + (k * 7) + n);
        var a = RandomFloat(rng, m, k);
        var b = RandomFloat(rng, k, n);

        var c = Gemm.Multiply(a, b, path);

        var expected = new float[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(a.Data[(i * k) + p], b.Data[(p * n) + j], sum);
                }

                expected[(i * n) + j] = sum;
            }
        }

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), c.Data.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Float32_by_hand()
    {
        var a = new Matrix<float>(1, 2, [1.5f, -2f]);
        var b = new Matrix<float>(2, 1, [4f, 0.25f]);

        Assert.Equal(5.5f, Gemm.Multiply(a, b).Data[0]);
    }

    [Theory]
    [InlineData(GemmPath.Vnni)]
    [InlineData(GemmPath.Avx2)]
    public void Float32_rejects_the_int8_paths(GemmPath path)
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new Matrix<float>(1, 1), new Matrix<float>(1, 1), path));

        Assert.Contains($"GemmPath.{path} is an int8 path", e.Message, StringComparison.Ordinal);
    }

    private static Matrix<sbyte> RandomInt8(Random rng, int rows, int cols)
    {
        var m = new Matrix<sbyte>(rows, cols);
        for (var i = 0; i < m.Data.Length; i++)
        {
            m.Data[i] = (sbyte)rng.Next(-128, 128);
        }

        return m;
    }

    private static Matrix<float> RandomFloat(Random rng, int rows, int cols)
    {
        var m = new Matrix<float>(rows, cols);
        for (var i = 0; i < m.Data.Length; i++)
        {
            m.Data[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return m;
    }

    private static int[] PlainInt8(Matrix<sbyte> a, Matrix<sbyte> b)
    {
        var c = new int[a.Rows * b.Cols];
        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = 0; j < b.Cols; j++)
            {
                long sum = 0;
                for (var p = 0; p < a.Cols; p++)
                {
                    sum += a[i, p] * b[p, j];
                }

                c[(i * b.Cols) + j] = (int)sum;
            }
        }

        return c;
    }
}
