namespace Lpu.Architecture.Programs;

/// <summary>The two SXM map tables: permute maps (VL entries) and distribute maps (L entries, 255 = zero).</summary>
public enum SxmMapKind
{
    /// <summary>A permuter's bijection of [0, VL).</summary>
    Permute,

    /// <summary>A distributor's per-superlane map of [0, L) or 255.</summary>
    Distribute,
}
