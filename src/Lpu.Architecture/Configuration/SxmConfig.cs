namespace Lpu.Architecture.Configuration;

/// <summary>
/// SXM units per hemisphere (architecture.md §1, §7), one instruction queue each, and the number
/// of permute/distribute maps each permuter/distributor holds.
/// </summary>
public sealed record SxmConfig(int Shifters, int Permuters, int Distributors, int Rotators, int Transposers, int MapTableDepth)
{
    /// <summary>All SXM units of one hemisphere.</summary>
    public int UnitsPerHemisphere => Shifters + Permuters + Distributors + Rotators + Transposers;
}
