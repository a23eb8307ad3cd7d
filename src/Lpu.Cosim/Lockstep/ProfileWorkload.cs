using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;
using Lpu.Cosim.Verilator;
using Lpu.Rtl;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// What a profile-guided <c>lpu_top</c> build is trained on: the host port loading a program, then
/// what lockstep runs mostly do, streams read from MEM into a VXM ALU and the result written back,
/// every cycle, with the ALU going through its binary i8 ops in turn, ticked and read as lockstep
/// does (<see cref="VerilatorSimulation.TickAndRead(FieldReader, ulong)"/>). Fixed per configuration, so one
/// cached build serves every program. A configuration without two western slices or i8 VXM ops
/// trains on the load and an idle run instead.
/// </summary>
public static class ProfileWorkload
{
    /// <summary>Cycles the program streams for (docs/performance.md: a few thousand settle the counts).</summary>
    public const int Cycles = 4096;

    private static readonly VxmOp[] Ops = [VxmOp.Add, VxmOp.Sub, VxmOp.Min, VxmOp.Max, VxmOp.Xor, VxmOp.And, VxmOp.Or, VxmOp.Mul];

    /// <summary>The training of <paramref name="design"/>'s library; its name (in the build's hash) says which workload.</summary>
    public static ProfileTraining For(RtlDesign design) => new($"lpu_top streaming workload v2, {Cycles} cycles", sim => Run(sim, design));

    /// <summary>
    /// Streams for <paramref name="cycles"/> cycles: two MEM reads from the west, a VXM op on them, a MEM
    /// write to the east; the op is each of <paramref name="ops"/> in turn, for an equal share of the cycles.
    /// </summary>
    public static LpuProgram StreamingProgram(LpuConfig config, int cycles, IReadOnlyList<VxmOp> ops)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cycles, 2 * ops.Count);
        var builder = new ProgramBuilder(config);
        builder.Queue("mem.w.1").Read(0, StreamRef.East(1)).Repeat(cycles - 1, 1);                     // 2 hops: issues at T - 4
        builder.Queue("mem.w.0").Nop(1).Read(0, StreamRef.East(0)).Repeat(cycles - 1, 1);             // 1 hop: T - 3
        var vxm = builder.Queue("vxm.0").Nop(4);
        for (var i = 0; i < ops.Count; i++)
        {
            var share = (cycles / ops.Count) + (i < cycles % ops.Count ? 1 : 0);
            vxm.Vxm(ops[i], DataType.I8, StreamRef.East(2), StreamRef.East(0), StreamRef.East(1)).Repeat(share - 1, 1);
        }

        builder.Queue("mem.e.0").Nop(7).Write(0, StreamRef.East(2)).Repeat(cycles - 1, 1);            // 1 hop east: T + 3
        var vector = Enumerable.Range(0, config.VectorLength).Select(i => (byte)(i * 37)).ToArray();
        builder.Data(0, 0, vector).Data(1, 0, vector);
        return builder.Build();
    }

    private static void Run(VerilatorSimulation sim, RtlDesign design)
    {
        var config = design.Config;
        var ops = config.Vxm.Supports(DataType.I8) ? Ops.Where(config.Vxm.Supports).ToList() : [];
        if (config.Mem.SlicesPerHemisphere >= 2 && ops.Count > 0)
        {
            RtlHost.Load(sim, design, StreamingProgram(config, Cycles, ops)).StartProgram();
        }
        else
        {
            RtlHost.Load(sim, design, new ProgramBuilder(config).Build());
        }

        // Ticked and read the way lockstep does (one native call per cycle), so that path is trained too.
        var reader = new TraceDecoder(config, design.Trace).CreateReader(sim);
        for (var cycle = 0; cycle < Cycles + 16; cycle++)
            sim.TickAndRead(reader);
    }
}
