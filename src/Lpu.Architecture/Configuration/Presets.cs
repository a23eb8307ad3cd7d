using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Configuration;

/// <summary>
/// The named configurations: <c>tsp</c> (Groq's chip), <c>small</c> (the brief's scaled-down
/// example), <c>medium</c> (between, still simulable in Verilator) and <c>ice40</c> (the largest
/// that fits an iCE40 HX8K with the FPGA wrapper, measured with Yosys and nextpnr: docs/rtl.md "FPGA wrapper").
/// </summary>
public static class Presets
{
    private static readonly DataType[] AllTypes = [DataType.I8, DataType.I16, DataType.I32, DataType.F16, DataType.F32];

    /// <summary>Preset names in a fixed order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tsp", "small", "medium", "ice40"];

    /// <summary>The preset called <paramref name="name"/>; an <see cref="ArgumentException"/> lists the names otherwise.</summary>
    public static LpuConfig Get(string name) => name switch
    {
        "tsp" => new LpuConfig(20, 16, 32, new MemConfig(44, 8192, 2, true), new VxmConfig(16, AllTypes, null),
            new MxmConfig(4, 320, 64), new SxmConfig(4, 2, 4, 2, 2, 8), new IcuConfig(4096), 900),
        "small" => new LpuConfig(2, 4, 8, new MemConfig(4, 256, 2, true), new VxmConfig(4, AllTypes, null),
            new MxmConfig(1, 8, 16), new SxmConfig(1, 1, 1, 1, 1, 4), new IcuConfig(256), 100),
        "medium" => new LpuConfig(4, 8, 16, new MemConfig(8, 1024, 2, true), new VxmConfig(8, AllTypes, null),
            new MxmConfig(2, 32, 32), new SxmConfig(2, 1, 2, 1, 1, 4), new IcuConfig(1024), 200),
        "ice40" => new LpuConfig(1, 4, 4, new MemConfig(1, 1024, 2, true),
            new VxmConfig(1, [DataType.I8], [VxmOp.Add, VxmOp.Sub, VxmOp.Min, VxmOp.Max, VxmOp.And, VxmOp.Or, VxmOp.Xor, VxmOp.Mov, VxmOp.Relu]),
            new MxmConfig(0, 4, 1), new SxmConfig(0, 0, 0, 0, 0, 1), new IcuConfig(256), 12),
        _ => throw new ArgumentException($"unknown preset '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };

    /// <summary>A one-line description of the preset.</summary>
    public static string Description(string name) => name switch
    {
        "tsp" => "Groq TSP as published: 20x16 lanes, 88 MEM slices, 4 MXM planes of 320x320, 144 queues.",
        "small" => "The design brief's scaled-down example: 2x4 lanes, 4 MEM slices per hemisphere, one 8x8 plane.",
        "medium" => "Between small and tsp, still simulable in Verilator: 4x8 lanes, 16 streams, two 32x32 planes.",
        "ice40" => "iCE40-HX8K Breakout Board at 12 MHz, the largest that fits with the UART host link: 1x4 lanes, 8 KiB SRAM with ECC, i8 without mul, no MXM, no SXM.",
        _ => throw new ArgumentException($"unknown preset '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
