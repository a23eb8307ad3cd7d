using System.Runtime.Intrinsics.X86;
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
        GemmPath.Vnni => AvxVnni.IsSupported,
        GemmPath.Auto or GemmPath.Portable or GemmPath.Scalar => true,
        _ => false,
    };

    /// <summary>int8 x int8 -> int32: C[i, j] = sum over k of A[i, k] x B[k, j], wrapping at 32 bits.</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ or the path is unknown.</exception>
    /// <exception cref="PlatformNotSupportedException"><see cref="GemmPath.Vnni"/> on a CPU without AVX-VNNI.</exception>
    public static Matrix<int> Multiply(Matrix<sbyte> a, Matrix<sbyte> b, GemmPath path = GemmPath.Auto)
    {
        CheckShapes(a.Rows, a.Cols, b.Rows, b.Cols);
        if (a.Rows == 0 || b.Cols == 0 || a.Cols == 0)
        {
            return new Matrix<int>(a.Rows, b.Cols);
        }

        // Every path writes every element, so the result need not be zeroed first.
        var c = new Matrix<int>(a.Rows, b.Cols, GC.AllocateUninitializedArray<int>(a.Rows * b.Cols));

        switch (Resolve(path))
        {
            case GemmPath.Vnni:
                Int8VnniKernel.Multiply(a.Data, b.Data, c.Data, a.Rows, a.Cols, b.Cols);
                break;
            case GemmPath.Portable:
                Int8PortableKernel.Multiply(a.Data, b.Data, c.Data, a.Rows, a.Cols, b.Cols);
                break;
            default:
                ScalarInt8(a.Data, b.Data, c.Data, a.Rows, a.Cols, b.Cols);
                break;
        }

        return c;
    }

    /// <summary>fp32: C[i, j] = fma(A[i, K-1], B[K-1, j], ... fma(A[i, 0], B[0, j], +0)).</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ, or the path is <see cref="GemmPath.Vnni"/> (int8 only).</exception>
    public static Matrix<float> Multiply(Matrix<float> a, Matrix<float> b, GemmPath path = GemmPath.Auto)
    {
        CheckShapes(a.Rows, a.Cols, b.Rows, b.Cols);
        if (path == GemmPath.Vnni)
        {
            throw new ArgumentException("GemmPath.Vnni is an int8 path; fp32 uses Auto, Portable or Scalar", nameof(path));
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

    private static GemmPath Resolve(GemmPath path) => path switch
    {
        GemmPath.Auto => AvxVnni.IsSupported ? GemmPath.Vnni : GemmPath.Portable,
        GemmPath.Vnni when !AvxVnni.IsSupported => throw new PlatformNotSupportedException("GemmPath.Vnni needs a CPU with AVX-VNNI; this one has none"),
        GemmPath.Vnni or GemmPath.Portable or GemmPath.Scalar => path,
        _ => throw new ArgumentException($"unknown GemmPath {(int)path}", nameof(path)),
    };

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

    private static void ScalarInt8(sbyte[] a, sbyte[] b, int[] c, int m, int k, int n)
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
