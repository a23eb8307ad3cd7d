namespace Lpu.Architecture.Layout;

/// <summary>
/// One instruction queue (architecture.md §4): its global index and name (<c>mem.w.0</c>,
/// <c>sxm.e.perm.1</c>, <c>vxm.3</c>, <c>mxm.0.a</c>), the unit it drives, the unit's index
/// (MEM slice i of its hemisphere, SXM unit of its kind, VXM ALU, MXM plane), its stream position,
/// and for MEM the global slice number (west 0..M-1, east M..2M-1; -1 otherwise).
/// </summary>
public sealed record QueueInfo(
    int Index,
    string Name,
    UnitKind Kind,
    Hemisphere Hemisphere,
    int UnitIndex,
    int Position,
    int GlobalSlice,
    SxmKind? Sxm,
    MxmRole? Mxm);
