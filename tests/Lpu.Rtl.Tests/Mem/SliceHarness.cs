using Lpu.Architecture.Configuration;
using Lpu.Cosim.Verilator;
using Lpu.Rtl.Mem;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>The slice of <see cref="MemDesigns.ThreeSuperlanes"/>, built once with inferred banks
/// and once with SRAM macro wrappers, for all slice tests.</summary>
public sealed class SliceHarness
{
    public SliceHarness()
    {
        Inferred = VerilatorBuild.Build(MemDesigns.ForVerilator(MemSliceGenerator.Create(Config, new RtlOptions())));
        Macros = VerilatorBuild.Build(MemDesigns.ForVerilator(MemSliceGenerator.Create(Config, new RtlOptions(SramMacros: true))));
    }

    public static LpuConfig Config => MemDesigns.ThreeSuperlanes;

    public VerilatorBuildResult Inferred { get; }

    public VerilatorBuildResult Macros { get; }

    public SliceBench Bench(bool macros = false) => new(macros ? Macros : Inferred, Config);
}
