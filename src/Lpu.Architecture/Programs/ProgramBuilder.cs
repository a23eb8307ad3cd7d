using Lpu.Architecture.Configuration;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Programs;

/// <summary>
/// Makes an <see cref="LpuProgram"/> in code: <c>Queue("mem.w.0").Read(0, StreamRef.East(0))</c>,
/// <c>Data(slice, address, bytes)</c>, <c>Permute(queue, slot, map)</c>. Argument errors are
/// <see cref="ArgumentException"/>s naming the queue, slice or map.
/// </summary>
public sealed class ProgramBuilder
{
    private readonly QueueBuilder[] queues;
    private readonly List<SramBlock> data = [];
    private readonly List<SxmMap> maps = [];

    /// <summary>Starts an empty program for <paramref name="config"/>.</summary>
    public ProgramBuilder(LpuConfig config)
    {
        Config = config;
        Floorplan = new Floorplan(config);
        queues = [.. Floorplan.Queues.Select(q => new QueueBuilder(q))];
    }

    /// <summary>The configuration.</summary>
    public LpuConfig Config { get; }

    /// <summary>Its layout.</summary>
    public Floorplan Floorplan { get; }

    /// <summary>The builder of the queue called <paramref name="name"/> (e.g. <c>vxm.0</c>).</summary>
    public QueueBuilder Queue(string name) =>
        queues[(Floorplan.FindQueue(name) ?? throw new ArgumentException($"unknown queue '{name}' in this configuration", nameof(name))).Index];

    /// <summary>The builder of queue <paramref name="index"/> in global order.</summary>
    public QueueBuilder Queue(int index) => queues[index];

    /// <summary>Initial SRAM contents: VL bytes per word, consecutive words from <paramref name="address"/> of global slice <paramref name="slice"/>.</summary>
    public ProgramBuilder Data(int slice, int address, IReadOnlyList<byte> bytes)
    {
        var error = ProgramRules.CheckData(Config, slice, address, bytes.Count);
        if (error is not null)
            throw new ArgumentException($".data {slice} {address}: {error}", nameof(bytes));
        if (ProgramRules.Overlap(data, slice, address, bytes.Count / Config.VectorLength, Config.VectorLength) >= 0)
            throw new ArgumentException($".data {slice} {address}: overlaps earlier data of slice {slice}", nameof(address));
        data.Add(new SramBlock(slice, address, [.. bytes]));
        return this;
    }

    /// <summary>Loads permute map <paramref name="slot"/> of the permuter queue <paramref name="queue"/> (e.g. <c>sxm.w.perm.0</c>).</summary>
    public ProgramBuilder Permute(string queue, int slot, IReadOnlyList<int> map) => Map(SxmMapKind.Permute, queue, slot, map);

    /// <summary>Loads distribute map <paramref name="slot"/> of the distributor queue <paramref name="queue"/>.</summary>
    public ProgramBuilder Distribute(string queue, int slot, IReadOnlyList<int> map) => Map(SxmMapKind.Distribute, queue, slot, map);

    /// <summary>The program, without static checks (see the assembler's checker for those).</summary>
    public LpuProgram Build() => new(Config, [.. queues.Select(q => (IReadOnlyList<Isa.Instruction>)[.. q.Instructions])], [.. data], [.. maps]);

    /// <summary>The program after <see cref="ProgramChecker.Check"/>; a <see cref="ProgramCheckException"/> lists every error.</summary>
    public LpuProgram BuildChecked()
    {
        var program = Build();
        var errors = ProgramChecker.Check(program);
        return errors.Count == 0 ? program : throw new ProgramCheckException(program, errors);
    }

    private ProgramBuilder Map(SxmMapKind kind, string queue, int slot, IReadOnlyList<int> map)
    {
        var q = Floorplan.FindQueue(queue);
        var want = kind == SxmMapKind.Permute ? SxmKind.Perm : SxmKind.Dist;
        if (q is null || q.Sxm != want)
            throw new ArgumentException($"'{queue}' is not a {(want == SxmKind.Perm ? "permuter" : "distributor")} queue of this configuration", nameof(queue));
        var error = ProgramRules.CheckMap(Config, kind, slot, map);
        if (error is not null)
            throw new ArgumentException($"{queue}: {error}", nameof(map));
        maps.RemoveAll(m => m.Kind == kind && m.Side == q.Hemisphere && m.Unit == q.UnitIndex && m.Slot == slot);
        maps.Add(new SxmMap(kind, q.Hemisphere, q.UnitIndex, slot, [.. map]));
        return this;
    }
}
