namespace Lpu.Architecture.Configuration;

/// <summary>
/// MXM planes (architecture.md §1, §8): <c>Planes</c> weight-stationary int8 arrays of
/// <c>ArraySize</c> x <c>ArraySize</c> (equal to the vector length), each with
/// <c>Accumulators</c> int32 rows. Zero planes is allowed (no MXM).
/// </summary>
public sealed record MxmConfig(int Planes, int ArraySize, int Accumulators)
{
    /// <summary>Planes in the west hemisphere: ceil(planes / 2).</summary>
    public int WestPlanes => (Planes + 1) / 2;
}
