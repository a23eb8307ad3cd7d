using Lpu.Compiler.Gemm;

namespace Lpu.Cosim.Runs;

/// <summary>
/// What a GEMM run found: the compiled program, the result, the cycles it took, the MXM
/// utilization (useful MACs over the chip's MAC slots in those cycles) and the first element that
/// differs from the reference math, if any.
/// </summary>
public sealed record GemmReport(CompiledGemm Gemm, int[] Result, long Cycles, long MacsPerCycle, GemmMismatch? Mismatch)
{
    /// <summary>The product's shape.</summary>
    public GemmShape Shape => Gemm.Shape;

    /// <summary>Useful multiply-accumulates: M x K x N.</summary>
    public long Macs => Shape.Macs;

    /// <summary>Useful MACs over the MAC slots of every plane in <see cref="Cycles"/> cycles.</summary>
    public double MxmUtilization => Cycles == 0 ? 0 : (double)Macs / ((double)Cycles * MacsPerCycle);

    /// <summary>True when the result equals the reference math.</summary>
    public bool Matches => Mismatch is null;
}
