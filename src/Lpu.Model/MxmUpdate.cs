namespace Lpu.Model;

/// <summary>
/// A deferred MXM state change that becomes visible at the start of <c>Cycle</c>: an accumulator
/// row update from abc (<c>Row</c> &gt;= 0) or a weight install from iw (<c>Weights</c> set).
/// </summary>
internal readonly record struct MxmUpdate(long Cycle, int Plane, int Row, bool Add, int[]? Result, byte[]? Weights);
