using Lpu.Architecture.Programs;

namespace Lpu.Compiler.Gemm;

/// <summary>
/// A GEMM turned into an LPU program: the program (with A and B as initial SRAM contents), where
/// C will be found, and the cycle by which the compiler's schedule has written the last result.
/// </summary>
public sealed record CompiledGemm(LpuProgram Program, GemmLayout Layout, long ScheduledCycles)
{
    /// <summary>The product's shape.</summary>
    public GemmShape Shape => Layout.Shape;
}
