namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>Every lane test class shares one Verilator build of the full-featured lane.</summary>
[CollectionDefinition(Name)]
public sealed class SharedLane : ICollectionFixture<LaneSimulator>
{
    public const string Name = "VXM lane in Verilator";
}
