using Lpu.Architecture.Isa;

namespace Lpu.Model;

/// <summary>
/// A unit producing on a stream register (architecture.md §10): L bytes become readable at
/// <c>Position</c> on (<c>Direction</c>, <c>Stream</c>) of <c>Superlane</c> in the event's cycle.
/// The bytes are read through <see cref="CycleEvents.Data(in StreamEvent)"/>.
/// </summary>
public readonly record struct StreamEvent(int Position, Direction Direction, int Stream, int Superlane)
{
    internal int Offset { get; init; }
}
