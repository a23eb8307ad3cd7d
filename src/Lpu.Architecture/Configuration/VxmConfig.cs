using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Configuration;

/// <summary>
/// VXM (architecture.md §1, §6): <c>AlusPerLane</c> ALUs in every lane (one queue per ALU column),
/// the data types it implements and the enabled operations (<c>null</c> = all).
/// </summary>
public sealed record VxmConfig(int AlusPerLane, IReadOnlyList<DataType> DataTypes, IReadOnlyList<VxmOp>? Ops)
{
    /// <summary>True when the ALUs implement <paramref name="type"/>.</summary>
    public bool Supports(DataType type) => DataTypes.Contains(type);

    /// <summary>True when <paramref name="op"/> is enabled.</summary>
    public bool Supports(VxmOp op) => Ops is null || Ops.Contains(op);

    /// <summary>Value equality including the list contents (records compare lists by reference).</summary>
    public bool Equals(VxmConfig? other) =>
        other is not null && AlusPerLane == other.AlusPerLane && DataTypes.SequenceEqual(other.DataTypes) &&
        (Ops is null ? other.Ops is null : other.Ops is not null && Ops.SequenceEqual(other.Ops));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(AlusPerLane, DataTypes.Count, Ops?.Count ?? -1);
}
