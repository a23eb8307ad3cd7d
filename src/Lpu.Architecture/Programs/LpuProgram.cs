using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Programs;

/// <summary>
/// A program for one configuration: one instruction list per queue (global queue order,
/// <see cref="Floorplan.Queues"/>), initial SRAM contents, and SXM map tables. Build one with
/// <see cref="ProgramBuilder"/> or the assembler.
/// </summary>
public sealed class LpuProgram
{
    /// <summary>Wraps the parts; <paramref name="queues"/> must have one list per queue of the configuration.</summary>
    public LpuProgram(LpuConfig config, IReadOnlyList<IReadOnlyList<Instruction>> queues, IReadOnlyList<SramBlock> data, IReadOnlyList<SxmMap> maps)
    {
        Config = config;
        Floorplan = new Floorplan(config);
        if (queues.Count != Floorplan.Queues.Count)
            throw new ArgumentException($"expected {Floorplan.Queues.Count} queues, got {queues.Count}", nameof(queues));
        Queues = queues;
        Data = data;
        Maps = maps;
    }

    /// <summary>The configuration the program is for.</summary>
    public LpuConfig Config { get; }

    /// <summary>Layout of <see cref="Config"/>.</summary>
    public Floorplan Floorplan { get; }

    /// <summary>Instruction lists indexed by global queue index.</summary>
    public IReadOnlyList<IReadOnlyList<Instruction>> Queues { get; }

    /// <summary>Initial SRAM contents, in the order given.</summary>
    public IReadOnlyList<SramBlock> Data { get; }

    /// <summary>SXM map tables.</summary>
    public IReadOnlyList<SxmMap> Maps { get; }

    /// <summary>The instruction list of the queue called <paramref name="name"/>.</summary>
    public IReadOnlyList<Instruction> Queue(string name) =>
        Queues[(Floorplan.FindQueue(name) ?? throw new ArgumentException($"unknown queue '{name}'", nameof(name))).Index];
}
