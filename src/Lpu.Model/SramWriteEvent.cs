namespace Lpu.Model;

/// <summary>
/// An SRAM tile word written by the program (architecture.md §10): global <c>Slice</c>, tile
/// <c>Superlane</c>, word <c>Address</c>; the L bytes are read through
/// <see cref="CycleEvents.Data(in SramWriteEvent)"/>.
/// </summary>
public readonly record struct SramWriteEvent(int Slice, int Superlane, int Address)
{
    internal int Offset { get; init; }
}
