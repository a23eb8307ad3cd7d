namespace Lpu.Rtl.Tests.Rtl;

/// <summary>Test classes that simulate the small top share one build.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSmallTop : ICollectionFixture<SmallTop>
{
    public const string Name = "small lpu_top";
}
