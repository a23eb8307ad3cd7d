using Lpu.Architecture.Isa;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>Operand sets: exhaustive where cheap, edge cases crossed with each other, and seeded
/// random values (plain random bits, and nearby pairs that make cancellation and ties likely).</summary>
public static class LaneVectors
{
    public const int RandomCount = 20_000;

    public static IEnumerable<uint> All(int bits)
    {
        for (var x = 0u; x < 1u << bits; x++)
            yield return x;
    }

    public static IEnumerable<(uint A, uint B)> AllPairs(int bits)
    {
        for (var a = 0u; a < 1u << bits; a++)
        {
            for (var b = 0u; b < 1u << bits; b++)
                yield return (a, b);
        }
    }

    public static uint Mask(DataType type) => type switch
    {
        DataType.I8 => 0xFF,
        DataType.I16 or DataType.F16 => 0xFFFF,
        _ => 0xFFFF_FFFF,
    };

    /// <summary>Edge values of <paramref name="type"/> (bit patterns).</summary>
    public static uint[] Edges(DataType type) => type switch
    {
        DataType.I8 => [0, 1, 2, 0x7E, 0x7F, 0x80, 0x81, 0xFE, 0xFF, 0x40, 0xC0],
        DataType.I16 => [0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFE, 0x7FFF, 0x8000, 0x8001, 0xFFFE, 0xFFFF, 0xFF80, 0x00B5, 0xFF4B, 0x4000, 0xC000],
        DataType.I32 => [0, 1, 2, 0x7FFF_FFFE, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, 0xFFFF_FFFE, 0xFFFF_FFFF, 0xB504, 0xFFFF_4AFC,
            0x0001_0000, 0xFFFF_0000, 0x4000_0000, 0xC000_0000, 0x0100_0001, 0x00FF_FFFF, 0x7FFF_FFC0, 0x7FFF_FF80, 0x8000_0080, 0xFF00_0001],
        DataType.F16 => FloatEdges(0x7C00, 0x03FF, 0x0400, 0x7BFF, 0x3C00, 0x7E00, 0x7C01, 0x7FFF, 0x3C01, 0x3BFF, 0x0401, 0x0001, 0x4000, 0x07FF, 0x0800, 0x2000),
        _ => FloatEdges(0x7F80_0000, 0x007F_FFFF, 0x0080_0000, 0x7F7F_FFFF, 0x3F80_0000, 0x7FC0_0000, 0x7F80_0001, 0x7FFF_FFFF,
            0x3F80_0001, 0x3F7F_FFFF, 0x0080_0001, 0x0000_0001, 0x4000_0000, 0x00FF_FFFF, 0x0100_0000, 0x1F80_0000, 0x5F00_0000,
            0x4F00_0000, 0x4EFF_FFFF, 0x4B00_0000, 0x3F00_0000, 0x3FC0_0000, 0x4020_0000, 0x477F_E000, 0x477F_F000, 0x3880_0000, 0x387F_E000, 0x387F_F000, 0x3370_0000),
    };

    /// <summary>Edge pairs crossed, then random pairs.</summary>
    public static IEnumerable<(uint A, uint B)> Pairs(DataType type, int seed, int count = RandomCount)
    {
        var edges = Edges(type);
        foreach (var a in edges)
        {
            foreach (var b in edges)
                yield return (a, b);
        }

        var random = new Random(seed);
        var mask = Mask(type);
        for (var i = 0; i < count; i++)
        {
            var a = Bits(random) & mask;
            var b = (i % 4) switch
            {
                0 => Bits(random),
                // Nearby magnitudes: equal exponents, cancellation, ties after alignment.
                1 => a ^ (Bits(random) & (mask >> 9)),
                2 => a ^ (mask ^ (mask >> 1)) ^ (Bits(random) & (mask >> 12)),
                _ => Bits(random) & (mask >> (int)(Bits(random) % 3)),
            };
            yield return (a, b & mask);
        }
    }

    /// <summary>Edges, then random values.</summary>
    public static IEnumerable<uint> Values(DataType type, int seed, int count = RandomCount)
    {
        foreach (var e in Edges(type))
            yield return e;
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return Bits(random) & Mask(type);
    }

    private static uint[] FloatEdges(params uint[] positive)
    {
        var sign = positive[0] > 0xFFFF ? 0x8000_0000u : 0x8000u;
        return [0, sign, .. positive, .. positive.Select(p => p | sign)];
    }

    private static uint Bits(Random random) => (uint)random.NextInt64(0, 1L << 32);
}
