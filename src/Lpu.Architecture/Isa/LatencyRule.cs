using Lpu.Architecture.Configuration;

namespace Lpu.Architecture.Isa;

/// <summary>A latency d of architecture.md §3: a constant, plus SL when <see cref="PlusSuperlanes"/>.</summary>
public sealed record LatencyRule(int Cycles, bool PlusSuperlanes)
{
    /// <summary>d for this configuration.</summary>
    public int Of(LpuConfig config) => Cycles + (PlusSuperlanes ? config.Superlanes : 0);

    /// <inheritdoc/>
    public override string ToString() => PlusSuperlanes ? $"SL + {Cycles}" : $"{Cycles}";
}
