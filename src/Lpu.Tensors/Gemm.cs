using Lpu.Tensors.Kernels;

namespace Lpu.Tensors;

/// <summary>
/// Reference matrix multiplication C = A x B, the arithmetic of an MXM plane: int8 x int8 summed
/// exactly into int32 (wrapping, as the accumulators do), and fp32 accumulated in k order with one
/// fused multiply-add per term, starting from +0. The SIMD paths use several threads.
/// </summary>
public static class Gemm
{
    /// <summary>Whether <paramref name="path"/> can run on this CPU for int8 matrices.</summary>
    public static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Vnni => VnniDotProduct.IsSupported,
        GemmPath.Avx2 => Avx2DotProduct.IsSupported,
        GemmPath.Auto or GemmPath.Portable or GemmPath.Scalar => true,
        _ => false,
    };

    /// <summary>
    /// The rows the int8 kernel of <paramref name="path"/> multiplies at once (its register tile): a
    /// product of a multiple of this many rows pads none. 1 for the scalar loop.
    /// </summary>
    /// <exception cref="ArgumentException">The path is unknown.</exception>
    /// <exception cref="PlatformNotSupportedException"><see cref="GemmPath.Vnni"/> or <see cref="GemmPath.Avx2"/> on a CPU without that instruction set.</exception>
    public static int Int8RowTile(GemmPath path = GemmPath.Auto) => Resolve(path) switch
    {
        GemmPath.Vnni => Int8TileKernel<VnniDotProduct>.Mr,
        GemmPath.Avx2 => Int8TileKernel<Avx2DotProduct>.Mr,
        GemmPath.Portable => Int8PortableKernel.Mr,
        _ => 1,
    };

    /// <summary>int8 x int8 -> int32: C[i, j] = sum over k of A[i, k] x B[k, j], wrapping at 32 bits.</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ or the path is unknown.</exception>
    /// <exception cref="PlatformNotSupportedException"><see cref="GemmPath.Vnni"/> or <see cref="GemmPath.Avx2"/> on a CPU without that instruction set.</exception>
    public static Matrix<int> Multiply(Matrix<sbyte> a, Matrix<sbyte> b, GemmPath path = GemmPath.Auto)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckShapes(a.Rows, a.Cols, b.Rows, b.Cols);
        var resolved = Resolve(path);
        if (a.Rows == 0 || b.Cols == 0 || a.Cols == 0)
        {
            return new Matrix<int>(a.Rows, b.Cols);
        }

        // Every path writes every element, so the result need not be zeroed first.
        var c = new Matrix<int>(a.Rows, b.Cols, GC.AllocateUninitializedArray<int>(a.Rows * b.Cols));
        MultiplyInt8(a.Data, b.Data, c.Data, a.Rows, a.Cols, b.Cols, resolved);
        return c;
    }

    /// <summary>
    /// int8 x int8 -> int32 into a caller's buffer, without allocating the result: C = A x B with
    /// A (m x k), B (k x n) and C (m x n) row-major; C is overwritten. Sums wrap at 32 bits.
    /// Products of up to 2^24 multiply-adds (e.g. 128 x 320 x 320) run on the calling thread; larger ones
    /// use every core. When B is used for many products, <see cref="Pack"/> it once and call
    /// <see cref="Multiply(ReadOnlySpan{sbyte}, Int8PackedMatrix, Span{int}, int, GemmPath)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">m, k or n is negative.</exception>
    /// <exception cref="ArgumentException">A span's length is not the size of its matrix, or the path is unknown.</exception>
    /// <exception cref="PlatformNotSupportedException"><see cref="GemmPath.Vnni"/> or <see cref="GemmPath.Avx2"/> on a CPU without that instruction set.</exception>
    public static void Multiply(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<int> c, int m, int k, int n, GemmPath path = GemmPath.Auto)
    {
        CheckDimensions(m, k, n);
        CheckLength(a.Length, m, k, "a", nameof(a));
        CheckLength(b.Length, k, n, "b", nameof(b));
        CheckLength(c.Length, m, n, "c", nameof(c));
        var resolved = Resolve(path);
        if (m == 0 || n == 0 || k == 0)
        {
            c.Clear();
            return;
        }

        MultiplyInt8(a, b, c, m, k, n, resolved);
    }

    /// <summary>
    /// Prepares B (k x n, row-major) for many products A x B with the same B: the SIMD path then
    /// skips packing B on every call. The result keeps its own copy of B,
    /// so <paramref name="b"/> may change afterwards.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">k or n is negative.</exception>
    /// <exception cref="ArgumentException">b's length is not k x n, or a packed form (2 bytes per element) would not fit in one array.</exception>
    public static Int8PackedMatrix Pack(ReadOnlySpan<sbyte> b, int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckLength(b.Length, k, n, "b", nameof(b));
        CheckPackable(GemmPath.Avx2, k, n, nameof(b));
        return new Int8PackedMatrix(b, k, n);
    }

    /// <summary>
    /// C = A x B with B prepared by <see cref="Pack"/>: A (m x b.Rows) and C (m x b.Cols)
    /// row-major, C overwritten, sums wrapping at 32 bits. Allocates nothing on the SIMD path
    /// beyond pooled scratch, and runs small products on the calling thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">m is negative.</exception>
    /// <exception cref="ArgumentException">A span's length is not the size of its matrix, or the path is unknown.</exception>
    /// <exception cref="PlatformNotSupportedException"><see cref="GemmPath.Vnni"/> or <see cref="GemmPath.Avx2"/> on a CPU without that instruction set.</exception>
    public static void Multiply(ReadOnlySpan<sbyte> a, Int8PackedMatrix b, Span<int> c, int m, GemmPath path = GemmPath.Auto)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        int k = b.Rows, n = b.Cols;
        CheckLength(a.Length, m, k, "a", nameof(a));
        CheckLength(c.Length, m, n, "c", nameof(c));
        var resolved = Resolve(path);
        if (m == 0 || n == 0 || k == 0)
        {
            c.Clear();
            return;
        }

        switch (resolved)
        {
            case GemmPath.Vnni:
                b.VnniPanels.Multiply(a, c, m);
                break;
            case GemmPath.Avx2:
                b.Avx2Panels.Multiply(a, c, m);
                break;
            case GemmPath.Portable:
                Int8PortableKernel.Multiply(a, b.WidePanels, c, m, k, n);
                break;
            default:
                ScalarInt8(a, b.Original, c, m, k, n);
                break;
        }
    }

    /// <summary>fp32: C[i, j] = fma(A[i, K-1], B[K-1, j], ... fma(A[i, 0], B[0, j], +0)).</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ, or the path is <see cref="GemmPath.Vnni"/> or <see cref="GemmPath.Avx2"/> (int8 only).</exception>
    public static Matrix<float> Multiply(Matrix<float> a, Matrix<float> b, GemmPath path = GemmPath.Auto)
    {
        CheckShapes(a.Rows, a.Cols, b.Rows, b.Cols);
        if (path is GemmPath.Vnni or GemmPath.Avx2)
        {
            throw new ArgumentException($"GemmPath.{path} is an int8 path; fp32 uses Auto, Portable or Scalar", nameof(path));
        }

        if (a.Rows == 0 || b.Cols == 0 || a.Cols == 0)
        {
            return new Matrix<float>(a.Rows, b.Cols);
        }

        var c = new Matrix<float>(a.Rows, b.Cols, GC.AllocateUninitializedArray<float>(a.Rows * b.Cols));

        if (Resolve(path) == GemmPath.Scalar)
        {
            ScalarFloat32(a.Data, b.Data, c.Data, a.Rows, a.Cols, b.Cols);
        }
        else
        {
            Float32PortableKernel.Multiply(a.Data, b.Data, c.Data, a.Rows, a.Cols, b.Cols);
        }

        return c;
    }

    /// <summary>The path to run: Auto's choice (AVX-VNNI, else AVX2, else portable), or the one asked for if this CPU has it.</summary>
    internal static GemmPath Resolve(GemmPath path) => path switch
    {
        GemmPath.Auto when VnniDotProduct.IsSupported => GemmPath.Vnni,
        GemmPath.Auto when Avx2DotProduct.IsSupported => GemmPath.Avx2,
        GemmPath.Auto => GemmPath.Portable,
        GemmPath.Vnni when !VnniDotProduct.IsSupported => throw new PlatformNotSupportedException("GemmPath.Vnni needs a CPU with AVX-VNNI; this one has none"),
        GemmPath.Avx2 when !Avx2DotProduct.IsSupported => throw new PlatformNotSupportedException("GemmPath.Avx2 needs a CPU with AVX2; this one has none"),
        GemmPath.Vnni or GemmPath.Avx2 or GemmPath.Portable or GemmPath.Scalar => path,
        _ => throw new ArgumentException($"unknown GemmPath {(int)path}", nameof(path)),
    };

    // m, k, n > 0 and the lengths checked; path resolved.
    private static void MultiplyInt8(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<int> c, int m, int k, int n, GemmPath path)
    {
        switch (path)
        {
            case GemmPath.Vnni:
                CheckPackable(path, k, n, nameof(b));
                Int8TileKernel<VnniDotProduct>.Multiply(a, b, c, m, k, n);
                break;
            case GemmPath.Avx2:
                CheckPackable(path, k, n, nameof(b));
                Int8TileKernel<Avx2DotProduct>.Multiply(a, b, c, m, k, n);
                break;
            case GemmPath.Portable:
                Int8PortableKernel.Multiply(a, Int8PortableKernel.WidenPanels(b, k, n), c, m, k, n);
                break;
            default:
                ScalarInt8(a, b, c, m, k, n);
                break;
        }
    }

    // The packed panels (padded to 16 columns and a whole k-group, plus 63 bytes to align them) must fit in one array.
    private static void CheckPackable(GemmPath path, int k, int n, string paramName)
    {
        var bytes = path == GemmPath.Vnni ? Int8TileKernel<VnniDotProduct>.PanelBytes(k, n) : Int8TileKernel<Avx2DotProduct>.PanelBytes(k, n);
        if (bytes + 63 > Array.MaxLength)
        {
            throw new ArgumentException($"a {k}x{n} matrix B is too large to pack into one array", paramName);
        }
    }

    private static void CheckDimensions(int m, int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
    }

    private static void CheckLength(int length, int rows, int cols, string matrix, string paramName)
    {
        if (length != (long)rows * cols)
        {
            throw new ArgumentException($"{matrix} has {length} elements; a {rows}x{cols} matrix has {(long)rows * cols}", paramName);
        }
    }

    private static void CheckShapes(int aRows, int aCols, int bRows, int bCols)
    {
        if (aCols != bRows)
        {
            throw new ArgumentException($"cannot multiply a {aRows}x{aCols} matrix by a {bRows}x{bCols} matrix: inner dimensions {aCols} and {bRows} differ");
        }

        if ((long)aRows * bCols > Array.MaxLength)
        {
            throw new ArgumentException($"the product of a {aRows}x{aCols} and a {bRows}x{bCols} matrix would be {aRows}x{bCols}, more than one array can hold");
        }
    }

    private static void ScalarInt8(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, Span<int> c, int m, int k, int n)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0;
                for (var p = 0; p < k; p++)
                {
                    sum = unchecked(sum + (a[(i * k) + p] * b[(p * n) + j]));
                }

                c[(i * n) + j] = sum;
            }
        }
    }

    private static void ScalarFloat32(float[] a, float[] b, float[] c, int m, int k, int n)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    sum = MathF.FusedMultiplyAdd(a[(i * k) + p], b[(p * n) + j], sum);
                }

                c[(i * n) + j] = sum;
            }
        }
    }
}
