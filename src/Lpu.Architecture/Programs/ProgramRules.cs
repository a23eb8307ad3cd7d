using Lpu.Architecture.Configuration;

namespace Lpu.Architecture.Programs;

/// <summary>Checks of SRAM blocks and SXM maps shared by the builder and the assembler; null means fine.</summary>
internal static class ProgramRules
{
    public static string? CheckData(LpuConfig c, int slice, int address, int byteCount)
    {
        if (slice < 0 || slice >= c.SliceCount)
            return $"slice {slice} out of range [0, {c.SliceCount})";
        if (byteCount % c.VectorLength != 0)
            return $"data is {byteCount} bytes, not a multiple of the vector length {c.VectorLength}";
        var words = byteCount / c.VectorLength;
        if (address < 0 || address + words > c.Mem.WordsPerTile)
            return $"words [{address}, {address + words}) out of range [0, {c.Mem.WordsPerTile})";
        return null;
    }

    /// <summary>Index of the first block that shares a word with the new one, or -1.</summary>
    public static int Overlap(IReadOnlyList<SramBlock> blocks, int slice, int address, int words, int vectorLength)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b.Slice == slice && b.Address < address + words && address < b.Address + b.WordCount(vectorLength))
                return i;
        }

        return -1;
    }

    public static string? CheckMap(LpuConfig c, SxmMapKind kind, int slot, IReadOnlyList<int> entries) =>
        CheckMapAt(c, kind, slot, entries).Message;

    /// <summary>The first map error and where: entry index, -1 the whole map, -2 the slot.</summary>
    public static (string? Message, int Where) CheckMapAt(LpuConfig c, SxmMapKind kind, int slot, IReadOnlyList<int> entries)
    {
        if (slot < 0 || slot >= c.Sxm.MapTableDepth)
            return ($"map slot {slot} out of range [0, {c.Sxm.MapTableDepth})", -2);
        if (kind == SxmMapKind.Permute)
        {
            if (entries.Count != c.VectorLength)
                return ($"permute map has {entries.Count} entries, expected VL = {c.VectorLength}", -1);
            var seen = new bool[c.VectorLength];
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (e < 0 || e >= c.VectorLength)
                    return ($"permute map entry {i} = {e} out of range [0, {c.VectorLength})", i);
                if (seen[e])
                    return ($"permute map is not a bijection: lane {e} appears twice", i);
                seen[e] = true;
            }
        }
        else
        {
            if (entries.Count != c.LanesPerSuperlane)
                return ($"distribute map has {entries.Count} entries, expected L = {c.LanesPerSuperlane}", -1);
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if ((e < 0 || e >= c.LanesPerSuperlane) && e != 255)
                    return ($"distribute map entry {i} = {e} must be in [0, {c.LanesPerSuperlane}) or 255", i);
            }
        }

        return (null, 0);
    }
}
