namespace Lpu.Model;

/// <summary>A weight install from iw that becomes the array of <c>Plane</c> at the start of <c>Cycle</c>.</summary>
internal readonly record struct MxmUpdate(long Cycle, int Plane, sbyte[] Weights);
