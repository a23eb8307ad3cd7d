using Lpu.Model.Numerics;

namespace Lpu.Model;

/// <summary>
/// An ECC check that found an error (architecture.md §10) while reading tile word
/// <c>Address</c> of <c>Slice</c> / <c>Superlane</c>: <see cref="EccStatus.Corrected"/> or
/// <see cref="EccStatus.Uncorrectable"/>. Its cycle is the ECC cycle of the §3 latency table.
/// </summary>
public readonly record struct EccEvent(int Slice, int Superlane, int Address, EccStatus Status);
