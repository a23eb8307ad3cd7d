using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Lpu.Rtl.Tests.Scheduling.StartFirstOrderer", "Lpu.Rtl.Tests")]

namespace Lpu.Rtl.Tests.Scheduling;

/// <summary>
/// Marks a collection definition whose tests run for minutes on one core (place and route): it
/// starts before every other collection, so it overlaps the rest of the suite instead of running
/// alone at its end (xUnit starts collections in order, two at a time on two cores).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartFirstAttribute : Attribute;

/// <summary>xUnit's default collection order, with the <see cref="StartFirstAttribute"/> collections moved to the front.</summary>
public sealed class StartFirstOrderer : ITestCollectionOrderer
{
    private readonly DefaultTestCollectionOrderer defaultOrder = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        defaultOrder.OrderTestCollections(testCollections).OrderBy(c => StartsFirst(c) ? 0 : 1);

    private static bool StartsFirst(ITestCollection collection) =>
        collection.CollectionDefinition?.GetCustomAttributes(typeof(StartFirstAttribute).AssemblyQualifiedName).Any() == true;
}
