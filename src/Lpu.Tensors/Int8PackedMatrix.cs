using System.Runtime.Intrinsics.X86;
using Lpu.Tensors.Kernels;

namespace Lpu.Tensors;

/// <summary>
/// An int8 right-hand matrix B (k x n) prepared once by <see cref="Gemm.Pack"/> for many products
/// <c>A x B</c> with the same B: packing B into the layout of the SIMD kernel and summing its
/// columns is then done once instead of on every <see cref="Gemm.Multiply(ReadOnlySpan{sbyte}, Int8PackedMatrix, Span{int}, int, GemmPath)"/>.
/// Immutable, so one instance may be used by several threads at once.
/// </summary>
public sealed class Int8PackedMatrix
{
    private short[]? widePanels;

    internal Int8PackedMatrix(ReadOnlySpan<sbyte> b, int k, int n)
    {
        Rows = k;
        Cols = n;
        Original = b.ToArray();
        if (AvxVnni.IsSupported && k > 0 && n > 0)
        {
            // Pinned (never moved), so the 64-byte aligned start found now stays aligned.
            Panels = GC.AllocateUninitializedArray<byte>(checked((int)Int8VnniKernel.PanelBytes(k, n) + 63), pinned: true);
            Corrections = new int[Int8VnniKernel.Panels(n) * Int8VnniKernel.Nr];
            unsafe
            {
                fixed (sbyte* pb = b)
                fixed (byte* pp = Panels)
                fixed (int* pcorr = Corrections)
                {
                    PanelOffset = Int8VnniKernel.AlignmentOffset(pp);
                    Int8VnniKernel.PackB(pb, k, n, pp + PanelOffset, pcorr);
                }
            }
        }
    }

    /// <summary>k: the rows of B, which must equal the columns of A.</summary>
    public int Rows { get; }

    /// <summary>n: the columns of B and of the product.</summary>
    public int Cols { get; }

    /// <summary>B as given, row-major, for the paths that do not use the packed form.</summary>
    internal sbyte[] Original { get; }

    /// <summary>B widened to int16 in the column blocks of <see cref="Int8PortableKernel"/>, made on first use (two threads racing make it twice, the same).</summary>
    internal short[] WidePanels => widePanels ??= Int8PortableKernel.WidenPanels(Original, Rows, Cols);

    /// <summary>B in the panels of <see cref="Int8VnniKernel"/>; null without AVX-VNNI or when B is empty.</summary>
    internal byte[]? Panels { get; }

    /// <summary>Where the panels start in <see cref="Panels"/> (the first 64-byte boundary).</summary>
    internal int PanelOffset { get; }

    /// <summary>-128 x the column sums of B, per panel column; null when <see cref="Panels"/> is.</summary>
    internal int[]? Corrections { get; }

    /// <summary>The shape as text, e.g. <c>320x320</c>.</summary>
    public override string ToString() => $"{Rows}x{Cols}";
}
