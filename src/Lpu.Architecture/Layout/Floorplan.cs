using Lpu.Architecture.Configuration;

namespace Lpu.Architecture.Layout;

/// <summary>
/// Positions of every unit along the east-west axis and the global ordered queue list
/// (architecture.md §2, §4). P = 2M + 5 positions: 0 west MXM, 1 west SXM, M+1-i west MEM slice i,
/// M+2 VXM, M+3+i east MEM slice i, 2M+3 east SXM, 2M+4 east MXM.
/// </summary>
public sealed class Floorplan
{
    private readonly Dictionary<string, QueueInfo> byName;

    /// <summary>Lays out <paramref name="config"/>.</summary>
    public Floorplan(LpuConfig config)
    {
        Config = config;
        Queues = BuildQueues(config);
        byName = Queues.ToDictionary(q => q.Name, StringComparer.Ordinal);
    }

    /// <summary>The configuration laid out.</summary>
    public LpuConfig Config { get; }

    /// <summary>Every queue in global order (the order of the program image and the host port).</summary>
    public IReadOnlyList<QueueInfo> Queues { get; }

    /// <summary>Number of positions P.</summary>
    public int PositionCount => Config.PositionCount;

    /// <summary>Position of the VXM: M + 2.</summary>
    public int VxmPosition => Config.Mem.SlicesPerHemisphere + 2;

    /// <summary>The queue called <paramref name="name"/>, or null.</summary>
    public QueueInfo? FindQueue(string name) => byName.GetValueOrDefault(name);

    /// <summary>Position of MEM slice <paramref name="index"/> of <paramref name="side"/> (0 is next to the VXM).</summary>
    public int MemPosition(Hemisphere side, int index) =>
        side == Hemisphere.West ? Config.Mem.SlicesPerHemisphere + 1 - index : Config.Mem.SlicesPerHemisphere + 3 + index;

    /// <summary>Position of global MEM slice <paramref name="slice"/> (west 0..M-1, then east).</summary>
    public int SlicePosition(int slice) => slice < Config.Mem.SlicesPerHemisphere
        ? MemPosition(Hemisphere.West, slice)
        : MemPosition(Hemisphere.East, slice - Config.Mem.SlicesPerHemisphere);

    /// <summary>Position of the SXM of <paramref name="side"/>: 1 or 2M + 3.</summary>
    public int SxmPosition(Hemisphere side) => side == Hemisphere.West ? 1 : (2 * Config.Mem.SlicesPerHemisphere) + 3;

    /// <summary>Hemisphere of MXM plane <paramref name="plane"/>: the first ceil(planes/2) are west.</summary>
    public Hemisphere PlaneHemisphere(int plane) => plane < Config.Mxm.WestPlanes ? Hemisphere.West : Hemisphere.East;

    /// <summary>Position of MXM plane <paramref name="plane"/>: 0 or 2M + 4.</summary>
    public int MxmPosition(int plane) => PlaneHemisphere(plane) == Hemisphere.West ? 0 : (2 * Config.Mem.SlicesPerHemisphere) + 4;

    private List<QueueInfo> BuildQueues(LpuConfig c)
    {
        var list = new List<QueueInfo>();
        void Add(string name, UnitKind kind, Hemisphere h, int unit, int pos, int slice = -1, SxmKind? sxm = null, MxmRole? mxm = null) =>
            list.Add(new QueueInfo(list.Count, name, kind, h, unit, pos, slice, sxm, mxm));

        var m = c.Mem.SlicesPerHemisphere;
        for (var i = 0; i < m; i++)
            Add($"mem.w.{i}", UnitKind.Mem, Hemisphere.West, i, MemPosition(Hemisphere.West, i), i);
        for (var i = 0; i < m; i++)
            Add($"mem.e.{i}", UnitKind.Mem, Hemisphere.East, i, MemPosition(Hemisphere.East, i), m + i);
        foreach (var side in new[] { Hemisphere.West, Hemisphere.East })
        {
            var s = side == Hemisphere.West ? "w" : "e";
            foreach (var kind in Enum.GetValues<SxmKind>())
            {
                for (var i = 0; i < SxmUnits(c, kind); i++)
                    Add($"sxm.{s}.{kind.ToString().ToLowerInvariant()}.{i}", UnitKind.Sxm, side, i, SxmPosition(side), sxm: kind);
            }
        }

        for (var a = 0; a < c.Vxm.AlusPerLane; a++)
            Add($"vxm.{a}", UnitKind.Vxm, Hemisphere.None, a, VxmPosition);
        for (var p = 0; p < c.Mxm.Planes; p++)
        {
            foreach (var role in Enum.GetValues<MxmRole>())
                Add($"mxm.{p}.{role.ToString().ToLowerInvariant()}", UnitKind.Mxm, PlaneHemisphere(p), p, MxmPosition(p), mxm: role);
        }

        return list;
    }

    /// <summary>Units of <paramref name="kind"/> per hemisphere.</summary>
    public static int SxmUnits(LpuConfig config, SxmKind kind) => kind switch
    {
        SxmKind.Shift => config.Sxm.Shifters,
        SxmKind.Perm => config.Sxm.Permuters,
        SxmKind.Dist => config.Sxm.Distributors,
        SxmKind.Rot => config.Sxm.Rotators,
        _ => config.Sxm.Transposers,
    };
}
