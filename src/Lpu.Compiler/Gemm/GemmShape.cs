namespace Lpu.Compiler.Gemm;

/// <summary>The sizes of C (M x N, int32) = A (M x K, int8) x B (K x N, int8).</summary>
public readonly record struct GemmShape(int M, int K, int N)
{
    /// <summary>Multiply-accumulates of the product: M x K x N.</summary>
    public long Macs => (long)M * K * N;

    /// <inheritdoc/>
    public override string ToString() => $"{M}x{K}x{N}";
}
