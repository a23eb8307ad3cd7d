using System.Numerics;

namespace Lpu.Architecture.Configuration;

/// <summary>
/// The one configuration object that drives model, assembler and RTL (architecture.md §1).
/// Immutable; JSON keys are the camelCase property names. Build one with a preset
/// (<see cref="Presets"/>), <c>with</c> expressions, or <see cref="ConfigJson"/>; call
/// <see cref="Validate"/> before use (JSON loading does it for you).
/// </summary>
public sealed record LpuConfig(
    int Superlanes,
    int LanesPerSuperlane,
    int StreamsPerDirection,
    MemConfig Mem,
    VxmConfig Vxm,
    MxmConfig Mxm,
    SxmConfig Sxm,
    IcuConfig Icu,
    int ClockMhz)
{
    /// <summary>Vector length VL = superlanes x lanes per superlane (bytes per vector).</summary>
    public int VectorLength => Superlanes * LanesPerSuperlane;

    /// <summary>Stream register positions along the east-west axis: P = 2M + 5.</summary>
    public int PositionCount => (2 * Mem.SlicesPerHemisphere) + 5;

    /// <summary>Instruction queues: 2 x (M + SXM units per hemisphere) + 3 x planes + ALUs per lane.</summary>
    public int QueueCount => (2 * (Mem.SlicesPerHemisphere + Sxm.UnitsPerHemisphere)) + (3 * Mxm.Planes) + Vxm.AlusPerLane;

    /// <summary>MEM slices in both hemispheres (2M); global slice numbers are 0 .. 2M-1.</summary>
    public int SliceCount => 2 * Mem.SlicesPerHemisphere;

    /// <summary>SRAM bytes = 2 x M x W x VL.</summary>
    public long SramBytes => (long)SliceCount * Mem.WordsPerTile * VectorLength;

    /// <summary>Address bits of a MEM word: log2(W).</summary>
    public int AddressBits => BitOperations.Log2((uint)Mem.WordsPerTile);

    /// <summary>Throws a <see cref="ConfigException"/> naming the JSON path of the first broken rule.</summary>
    public void Validate() => ConfigRules.Validate(this);
}
