using Lpu.Testing;

namespace Lpu.Tensors.Tests;

/// <summary>The span and packed-B entry points of the int8 GEMM, against the plain loop of <see cref="PlainGemm"/>.</summary>
public class Int8GemmSpanTests
{
    public static TheoryData<GemmPath, int, int, int> Cases()
    {
        var data = new TheoryData<GemmPath, int, int, int>();
        int[][] shapes =
        [
            [1, 1, 1], [3, 5, 7], [6, 16, 16], [17, 33, 65], [65, 129, 257], [1, 320, 320],
            [8, 320, 320], [32, 320, 320], [13, 1025, 47], [200, 300, 100],
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
    [MemberData(nameof(Cases))]
    public void Span_overload_overwrites_c_with_the_product(GemmPath path, int m, int k, int n)
    {
        if (!Gemm.IsSupported(path))
        {
            return;
        }

        var rng = new Random((m * 7919) + (k * 31) + n);
        var a = RandomBytes(rng, m * k);
        var b = RandomBytes(rng, k * n);
        var c = Enumerable.Repeat(-12345, m * n).ToArray();

        Gemm.Multiply(a, b, c, m, k, n, path);

        Assert.Equal(PlainGemm.Int8(a, b, m, k, n), c);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Packed_overload_matches_the_plain_loop(GemmPath path, int m, int k, int n)
    {
        if (!Gemm.IsSupported(path))
        {
            return;
        }

        var rng = new Random((m * 104729) + (k * 17) + n);
        var a = RandomBytes(rng, m * k);
        var b = RandomBytes(rng, k * n);
        var c = Enumerable.Repeat(99, m * n).ToArray();

        var packed = Gemm.Pack(b, k, n);
        Gemm.Multiply(a, packed, c, m, path);

        Assert.Equal(k, packed.Rows);
        Assert.Equal(n, packed.Cols);
        Assert.Equal(PlainGemm.Int8(a, b, m, k, n), c);
    }

    [Fact]
    public void One_packed_matrix_serves_many_products_and_keeps_its_own_copy()
    {
        const int k = 320, n = 320;
        var rng = new Random(5);
        var b = RandomBytes(rng, k * n);
        var original = (sbyte[])b.Clone();
        var packed = Gemm.Pack(b, k, n);
        Array.Fill(b, (sbyte)77);

        foreach (var m in new[] { 1, 2, 5, 6, 7, 64, 1000 })
        {
            var a = RandomBytes(rng, m * k);
            var c = new int[m * n];

            Gemm.Multiply(a, packed, c, m);

            Assert.Equal(PlainGemm.Int8(a, original, m, k, n), c);
        }
    }

    [Theory]
    [InlineData(GemmPath.Vnni)]
    [InlineData(GemmPath.Avx2)]
    public void Small_products_allocate_nothing_on_a_tile_path(GemmPath path)
    {
        if (!Gemm.IsSupported(path))
        {
            return;
        }

        const int m = 8, k = 320, n = 320;
        var a = new sbyte[m * k];
        var c = new int[m * n];
        var b = new sbyte[k * n];
        var packed = Gemm.Pack(b, k, n);
        Gemm.Multiply(a, packed, c, m, path);
        Gemm.Multiply(a, b, c, m, k, n, path);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            Gemm.Multiply(a, packed, c, m, path);
            Gemm.Multiply(a, b, c, m, k, n, path);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(GemmPath.Auto)]
    [InlineData(GemmPath.Vnni)]
    [InlineData(GemmPath.Avx2)]
    [InlineData(GemmPath.Portable)]
    [InlineData(GemmPath.Scalar)]
    public void Extreme_values_sum_exactly_across_blocks(GemmPath path)
    {
        if (!Gemm.IsSupported(path))
        {
            return;
        }

        // Rows and columns of all -128, all 127 and alternating signs (they stress VNNI's unsigned
        // offset and AVX2's pairs of products); k crosses k-blocks and is odd. -128 x -128 x 2051 = 33,603,584.
        const int m = 9, k = 2051, n = 35;
        var a = new sbyte[m * k];
        var b = new sbyte[k * n];
        for (var i = 0; i < m; i++)
        {
            for (var p = 0; p < k; p++)
            {
                a[(i * k) + p] = (i % 3) switch { 0 => sbyte.MinValue, 1 => sbyte.MaxValue, _ => p % 2 == 0 ? sbyte.MinValue : sbyte.MaxValue };
            }
        }

        for (var p = 0; p < k; p++)
        {
            for (var j = 0; j < n; j++)
            {
                b[(p * n) + j] = (j % 3) switch { 0 => sbyte.MinValue, 1 => sbyte.MaxValue, _ => (p + j) % 2 == 0 ? sbyte.MaxValue : sbyte.MinValue };
            }
        }

        var c = new int[m * n];
        Gemm.Multiply(a, b, c, m, k, n, path);
        var viaPacked = new int[m * n];
        Gemm.Multiply(a, Gemm.Pack(b, k, n), viaPacked, m, path);

        Assert.Equal(33_603_584, c[0]);
        Assert.Equal(-128 * 127 * k, c[1]);
        Assert.Equal(127 * 127 * k, c[n + 1]);
        Assert.Equal(PlainGemm.Int8(a, b, m, k, n), c);
        Assert.Equal(c, viaPacked);
    }

    [Theory]
    [InlineData(GemmPath.Auto)]
    [InlineData(GemmPath.Vnni)]
    [InlineData(GemmPath.Avx2)]
    [InlineData(GemmPath.Portable)]
    [InlineData(GemmPath.Scalar)]
    public void Sums_wrap_at_32_bits(GemmPath path)
    {
        if (!Gemm.IsSupported(path))
        {
            return;
        }

        // 140,000 x 16,384 = 2,293,760,000 > int.MaxValue: the int32 accumulator wraps.
        const int m = 2, k = 140_000, n = 17;
        var a = Enumerable.Repeat(sbyte.MinValue, m * k).ToArray();
        var b = Enumerable.Repeat(sbyte.MinValue, k * n).ToArray();
        var c = new int[m * n];

        Gemm.Multiply(a, b, c, m, k, n, path);

        Assert.Equal(unchecked((int)2_293_760_000L), c[0]);
        Assert.Equal(PlainGemm.Int8(a, b, m, k, n), c);
    }

    [Fact]
    public void Empty_inner_dimension_clears_c()
    {
        var c = new[] { 1, 2, 3, 4, 5, 6 };

        Gemm.Multiply([], [], c, 2, 0, 3);

        Assert.Equal(new int[6], c);
        var viaPacked = new[] { 7, 8 };
        Gemm.Multiply([], Gemm.Pack([], 0, 2), viaPacked, 1);
        Assert.Equal(new int[2], viaPacked);
    }

    [Fact]
    public void Bad_arguments_name_the_argument()
    {
        var a = new sbyte[6];
        var b = new sbyte[12];
        var c = new int[8];

        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(a, b, c, -1, 3, 4)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(a, b, c, 2, -3, 4)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(a, b, c, 2, 3, -4)).ParamName);
        var shortA = Assert.Throws<ArgumentException>(() => Gemm.Multiply(a.AsSpan(1), b, c, 2, 3, 4));
        Assert.Equal("a", shortA.ParamName);
        Assert.Contains("2x3", shortA.Message, StringComparison.Ordinal);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, new sbyte[13], c, 2, 3, 4)).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, b, new int[7], 2, 3, 4)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, b, c, 2, 3, 4, (GemmPath)42)).ParamName);

        var packed = Gemm.Pack(b, 3, 4);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Gemm.Pack(b, 4, 4)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Pack(b, -3, 4)).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(a, packed, c, -2)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Gemm.Multiply(new sbyte[9], packed, c, 2)).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, packed, new int[9], 2)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => Gemm.Multiply(a, (Int8PackedMatrix)null!, c, 2)).ParamName);
    }

    [Theory]
    [InlineData(GemmPath.Vnni)]
    [InlineData(GemmPath.Avx2)]
    public void A_tile_path_is_refused_where_the_cpu_lacks_it(GemmPath path)
    {
        if (Gemm.IsSupported(path))
        {
            return;
        }

        var e = Assert.Throws<PlatformNotSupportedException>(() => Gemm.Multiply(new sbyte[1], new sbyte[1], new int[1], 1, 1, 1, path));

        Assert.Contains($"GemmPath.{path}", e.Message, StringComparison.Ordinal);
        Assert.Throws<PlatformNotSupportedException>(() => Gemm.Multiply(new sbyte[1], Gemm.Pack(new sbyte[1], 1, 1), new int[1], 1, path));
    }

    [Fact]
    public void Row_tile_is_that_of_the_path_auto_takes()
    {
        var fastest = new[] { GemmPath.Vnni, GemmPath.Avx2, GemmPath.Portable }.First(Gemm.IsSupported);

        Assert.Equal(Gemm.Int8RowTile(fastest), Gemm.Int8RowTile());
        Assert.Equal(1, Gemm.Int8RowTile(GemmPath.Scalar));
        Assert.InRange(Gemm.Int8RowTile(GemmPath.Portable), 2, 16);
        foreach (var path in new[] { GemmPath.Vnni, GemmPath.Avx2 }.Where(p => !Gemm.IsSupported(p)))
            Assert.Throws<PlatformNotSupportedException>(() => Gemm.Int8RowTile(path));
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Gemm.Int8RowTile((GemmPath)42)).ParamName);
    }

    private static sbyte[] RandomBytes(Random rng, int count)
    {
        var data = new sbyte[count];
        for (var i = 0; i < count; i++)
        {
            data[i] = (sbyte)rng.Next(-128, 128);
        }

        return data;
    }
}
