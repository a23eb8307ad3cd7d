using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Programs;

/// <summary>
/// One map table entry loaded with the program: slot <c>Slot</c> of permuter or distributor
/// <c>Unit</c> of hemisphere <c>Side</c>. Permute: <c>Entries[i]</c> is the source lane of output
/// lane i (a bijection of [0, VL)). Distribute: <c>Entries[j]</c> is the source lane within the
/// superlane of output lane j, or 255 for zero (L entries).
/// </summary>
public sealed record SxmMap(SxmMapKind Kind, Hemisphere Side, int Unit, int Slot, int[] Entries)
{
    /// <summary>The queue name of the unit holding the map, e.g. <c>sxm.w.perm.0</c>.</summary>
    public string QueueName => $"sxm.{(Side == Hemisphere.West ? "w" : "e")}.{(Kind == SxmMapKind.Permute ? "perm" : "dist")}.{Unit}";
}
