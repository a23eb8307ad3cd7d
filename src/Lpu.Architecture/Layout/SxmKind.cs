namespace Lpu.Architecture.Layout;

/// <summary>SXM unit kinds, in queue order; queue names use shift, perm, dist, rot, trans.</summary>
public enum SxmKind
{
    /// <summary>Shifter: shift.up, shift.down.</summary>
    Shift,

    /// <summary>Permuter: permute.</summary>
    Perm,

    /// <summary>Distributor: distribute.</summary>
    Dist,

    /// <summary>Rotator: rotate.</summary>
    Rot,

    /// <summary>Transposer: transpose.</summary>
    Trans,
}
