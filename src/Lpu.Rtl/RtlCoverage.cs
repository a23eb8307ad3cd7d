using Lpu.Architecture.Layout;

namespace Lpu.Rtl;

/// <summary>
/// Which units the generated RTL implements. Programs that use any other unit cannot run on the
/// RTL; callers say so by name instead of failing later (docs/rtl.md).
/// </summary>
public static class RtlCoverage
{
    /// <summary>Unit kinds with RTL generators: the ICU with MEM and VXM queues.</summary>
    public static IReadOnlyList<UnitKind> Implemented { get; } = [UnitKind.Icu, UnitKind.Mem, UnitKind.Vxm];

    /// <summary>True when the RTL implements <paramref name="kind"/>.</summary>
    public static bool Covers(UnitKind kind) => Implemented.Contains(kind);

    /// <summary>The sentence that explains why <paramref name="kind"/> cannot run on the RTL.</summary>
    public static string Missing(UnitKind kind, string configuration) =>
        $"the RTL of configuration '{configuration}' has no {kind.ToString().ToUpperInvariant()} yet " +
        $"(generated units: {string.Join(", ", Implemented.Select(k => k.ToString().ToUpperInvariant()))}; see docs/rtl.md)";
}
