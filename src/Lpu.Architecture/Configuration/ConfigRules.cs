using System.Numerics;

namespace Lpu.Architecture.Configuration;

/// <summary>The validity rules of a configuration; limits keep every field encodable (docs/isa.md).</summary>
internal static class ConfigRules
{
    public static void Validate(LpuConfig c)
    {
        Range("superlanes", c.Superlanes, 1, 48);
        Range("lanesPerSuperlane", c.LanesPerSuperlane, 2, 64);
        Range("streamsPerDirection", c.StreamsPerDirection, 4, 64);
        Range("mem.slicesPerHemisphere", c.Mem.SlicesPerHemisphere, 1, 128);
        Range("mem.wordsPerTile", c.Mem.WordsPerTile, 2, 65536);
        if (!BitOperations.IsPow2(c.Mem.WordsPerTile))
            throw new ConfigException("mem.wordsPerTile", $"must be a power of two, got {c.Mem.WordsPerTile}");
        if (c.Mem.Banks != 2)
            throw new ConfigException("mem.banks", $"must be 2 in this version, got {c.Mem.Banks}");
        Range("vxm.alusPerLane", c.Vxm.AlusPerLane, 1, 64);
        if (c.Vxm.DataTypes.Count == 0)
            throw new ConfigException("vxm.dataTypes", "must list at least one data type");
        for (var i = 0; i < c.Vxm.DataTypes.Count; i++)
        {
            if (!Enum.IsDefined(c.Vxm.DataTypes[i]))
                throw new ConfigException($"vxm.dataTypes[{i}]", "is not a data type");
            if (c.Vxm.DataTypes.Take(i).Contains(c.Vxm.DataTypes[i]))
                throw new ConfigException($"vxm.dataTypes[{i}]", $"duplicate data type {Isa.DataTypes.Name(c.Vxm.DataTypes[i])}");
        }

        if (c.Vxm.Ops is { } ops)
        {
            for (var i = 0; i < ops.Count; i++)
            {
                if (!Enum.IsDefined(ops[i]))
                    throw new ConfigException($"vxm.ops[{i}]", "is not a VXM operation");
                if (ops.Take(i).Contains(ops[i]))
                    throw new ConfigException($"vxm.ops[{i}]", $"duplicate operation {Isa.VxmOps.Name(ops[i])}");
            }
        }

        Range("mxm.planes", c.Mxm.Planes, 0, 16);
        if (c.Mxm.ArraySize != c.VectorLength)
            throw new ConfigException("mxm.arraySize", $"must equal the vector length ({c.VectorLength}), got {c.Mxm.ArraySize}");
        Range("mxm.accumulators", c.Mxm.Accumulators, 1, 65536);
        Range("sxm.shifters", c.Sxm.Shifters, 0, 16);
        Range("sxm.permuters", c.Sxm.Permuters, 0, 16);
        Range("sxm.distributors", c.Sxm.Distributors, 0, 16);
        Range("sxm.rotators", c.Sxm.Rotators, 0, 16);
        Range("sxm.transposers", c.Sxm.Transposers, 0, 16);
        Range("sxm.mapTableDepth", c.Sxm.MapTableDepth, 1, 256);
        Range("icu.queueDepth", c.Icu.QueueDepth, 1, 1 << 20);
        Range("clockMhz", c.ClockMhz, 1, 100_000);
    }

    private static void Range(string path, int value, int min, int max)
    {
        if (value < min || value > max)
            throw new ConfigException(path, $"must be in [{min}, {max}], got {value}");
    }
}
