using Lpu.Tensors.Kernels;

namespace Lpu.Tensors;

/// <summary>
/// An int8 right-hand matrix B (k x n) prepared once by <see cref="Gemm.Pack"/> for many products
/// <c>A x B</c> with the same B: packing B into the layout of the SIMD kernel is then done once
/// instead of on every <see cref="Gemm.Multiply(ReadOnlySpan{sbyte}, Int8PackedMatrix, Span{int}, int, GemmPath)"/>.
/// B is packed at once for the path <see cref="GemmPath.Auto"/> takes, and for another path on its
/// first use. Immutable to its users, so one instance may be used by several threads at once.
/// </summary>
public sealed class Int8PackedMatrix
{
    // Made on first use; two threads racing make one twice, the same.
    private Int8TileKernel<VnniDotProduct>.PackedB? vnniPanels;
    private Int8TileKernel<Avx2DotProduct>.PackedB? avx2Panels;
    private short[]? widePanels;

    internal Int8PackedMatrix(ReadOnlySpan<sbyte> b, int k, int n)
    {
        Rows = k;
        Cols = n;
        Original = b.ToArray();
        if (k > 0 && n > 0)
        {
            switch (Gemm.Resolve(GemmPath.Auto))
            {
                case GemmPath.Vnni:
                    _ = VnniPanels;
                    break;
                case GemmPath.Avx2:
                    _ = Avx2Panels;
                    break;
                default:
                    _ = WidePanels;
                    break;
            }
        }
    }

    /// <summary>k: the rows of B, which must equal the columns of A.</summary>
    public int Rows { get; }

    /// <summary>n: the columns of B and of the product.</summary>
    public int Cols { get; }

    /// <summary>B as given, row-major, for the scalar path.</summary>
    internal sbyte[] Original { get; }

    /// <summary>B in the panels of the AVX-VNNI kernel (k and n > 0).</summary>
    internal Int8TileKernel<VnniDotProduct>.PackedB VnniPanels => vnniPanels ??= new(Original, Rows, Cols);

    /// <summary>B in the panels of the AVX2 kernel (k and n > 0).</summary>
    internal Int8TileKernel<Avx2DotProduct>.PackedB Avx2Panels => avx2Panels ??= new(Original, Rows, Cols);

    /// <summary>B widened to int16 in the column blocks of <see cref="Int8PortableKernel"/>.</summary>
    internal short[] WidePanels => widePanels ??= Int8PortableKernel.WidenPanels(Original, Rows, Cols);

    /// <summary>The shape as text, e.g. <c>320x320</c>.</summary>
    public override string ToString() => $"{Rows}x{Cols}";
}
