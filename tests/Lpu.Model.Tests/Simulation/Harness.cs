using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Programs;

namespace Lpu.Model.Tests.Simulation;

/// <summary>Runs a program on the model and keeps every event in easy-to-assert forms.</summary>
internal sealed class Harness
{
    public static LpuConfig Small => Presets.Get("small");

    public Harness(LpuProgram program, Action<LpuSimulator>? setup = null)
    {
        Simulator = new LpuSimulator(program.Config);
        Simulator.Load(program);
        setup?.Invoke(Simulator);
        var text = new StringWriter();
        var trace = new TraceWriter(text);
        Done = Simulator.Run(10_000, e =>
        {
            trace.Write(e);
            foreach (ref readonly var s in e.Streams)
                Streams[(e.Cycle, s.Position, s.Direction, s.Stream, s.Superlane)] = e.Data(in s).ToArray();
            foreach (ref readonly var m in e.SramWrites)
                SramWrites.Add((e.Cycle, m.Slice, m.Superlane, m.Address, e.Data(in m).ToArray()));
            foreach (ref readonly var x in e.Ecc)
                Ecc.Add((e.Cycle, x.Slice, x.Superlane, x.Address, x.Status));
            foreach (ref readonly var i in e.Issues)
                Issues.Add((e.Cycle, i.Queue, i.Word));
        });
        Trace = text.ToString();
    }

    public LpuSimulator Simulator { get; }

    public long Done { get; }

    public string Trace { get; }

    public Dictionary<(long Cycle, int Pos, Direction Dir, int Stream, int Superlane), byte[]> Streams { get; } = [];

    public List<(long Cycle, int Slice, int Superlane, int Address, byte[] Data)> SramWrites { get; } = [];

    public List<(long Cycle, int Slice, int Superlane, int Address, Lpu.Model.Numerics.EccStatus Status)> Ecc { get; } = [];

    public List<(long Cycle, int Queue, ulong Word)> Issues { get; } = [];

    public byte[] Word(int slice, int address)
    {
        var v = new byte[Simulator.Config.VectorLength];
        Simulator.ReadSram(slice, address, v);
        return v;
    }

    public static byte[] Bytes(int count, int seed)
    {
        var b = new byte[count];
        new Random(seed).NextBytes(b);
        return b;
    }

    public static ulong Encode(string mnemonic, params object[] operands) => Instruction.Create(mnemonic, operands).Encode();
}
