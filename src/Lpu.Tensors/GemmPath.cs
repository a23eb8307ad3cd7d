namespace Lpu.Tensors;

/// <summary>Which implementation <see cref="Gemm"/> uses. Every path gives bit-identical results.</summary>
public enum GemmPath
{
    /// <summary>The fastest path this CPU supports.</summary>
    Auto,

    /// <summary>AVX-VNNI (<c>vpdpbusd</c>) on 256-bit vectors, int8 only; needs a CPU with AVX-VNNI.</summary>
    Vnni,

    /// <summary>
    /// AVX2 (<c>vpmaddwd</c>) on 256-bit vectors of int8 widened to int16, int8 only: the fast path
    /// of CPUs without AVX-VNNI.
    /// </summary>
    Avx2,

    /// <summary><see cref="System.Numerics.Vector{T}"/> code that runs on any CPU.</summary>
    Portable,

    /// <summary>The plain triple loop, one thread: the reference the others are checked against.</summary>
    Scalar,
}
