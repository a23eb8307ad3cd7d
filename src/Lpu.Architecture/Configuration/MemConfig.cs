namespace Lpu.Architecture.Configuration;

/// <summary>
/// MEM slices (architecture.md §1, §5): <c>SlicesPerHemisphere</c> slices on each side of the VXM,
/// each tile holding <c>WordsPerTile</c> words (a power of two), two banks, optional SECDED.
/// </summary>
public sealed record MemConfig(int SlicesPerHemisphere, int WordsPerTile, int Banks, bool Ecc);
