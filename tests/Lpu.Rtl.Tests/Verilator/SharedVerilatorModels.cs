namespace Lpu.Rtl.Tests.Verilator;

/// <summary>Every test class that needs the built fixture models shares one <see cref="VerilatorModels"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedVerilatorModels : ICollectionFixture<VerilatorModels>
{
    public const string Name = "Verilator models";
}
