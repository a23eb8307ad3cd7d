using Lpu.Architecture.Configuration;
using Lpu.Cosim.Verilator;

namespace Lpu.Rtl.Tests.Rtl;

/// <summary>The RTL of the <c>small</c> preset, generated and built in Verilator once for every test that runs it.</summary>
public sealed class SmallTop
{
    public SmallTop()
    {
        Config = Presets.Get("small");
        Design = RtlGenerator.Generate(Config);
        Build = VerilatorBuild.Build(TopHarness.Describe(Design));
    }

    public LpuConfig Config { get; }

    public RtlDesign Design { get; }

    public VerilatorBuildResult Build { get; }
}
