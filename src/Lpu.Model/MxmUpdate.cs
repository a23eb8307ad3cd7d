namespace Lpu.Model;

/// <summary>
/// A weight install from iw that becomes the array of <c>Plane</c> at the start of <c>Cycle</c>.
/// <c>Shared</c>: the weights are the packed-array cache's copy, read-only and never reused.
/// </summary>
internal readonly record struct MxmUpdate(long Cycle, int Plane, sbyte[] Weights, bool Shared = false);
