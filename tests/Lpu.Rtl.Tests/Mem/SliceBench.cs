using System.Numerics;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Cosim.Verilator;
using Lpu.Model.Numerics;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>
/// Drives one <c>lpu_mem_slice</c> through its ports, a cycle at a time: inputs are set, the
/// outputs of that cycle read (<see cref="Step"/> returns them per tile), then the clock rises.
/// </summary>
public sealed class SliceBench : IDisposable
{
    private readonly VerilatorSimulation sim;
    private readonly PortDriver ports;
    private readonly LpuConfig config;
    private BigInteger streams;

    public SliceBench(VerilatorBuildResult build, LpuConfig config)
    {
        this.config = config;
        sim = build.CreateSimulation();
        ports = new PortDriver(sim);
        Code = new SecdedCode(config.LanesPerSuperlane);
        ports.Set("rst_n", 0);
        Powered = (1 << config.Superlanes) - 1;
        Apply();
        sim.Tick();
        ports.Set("rst_n", 1);
    }

    public SecdedCode Code { get; }

    public int Superlanes => config.Superlanes;

    public int Lanes => config.LanesPerSuperlane;

    /// <summary>Bit k: superlane k powered, applied from the next <see cref="Step"/> on.</summary>
    public int Powered { get; set; }

    public static ulong Encode(string mnemonic, params long[] operands) =>
        new Instruction(InstructionSet.ByMnemonic(mnemonic)!, operands).Encode();

    /// <summary>Stream (<paramref name="stream"/>) at the slice gets <paramref name="vector"/> (VL
    /// bytes), from the next <see cref="Step"/> on.</summary>
    public void SetStream(StreamRef stream, byte[] vector)
    {
        var vl = config.VectorLength;
        var index = ((int)stream.Direction * config.StreamsPerDirection) + stream.Index;
        var mask = ((BigInteger.One << (8 * vl)) - 1) << (index * vl * 8);
        streams = (streams & ~mask) | (new BigInteger(vector, isUnsigned: true) << (index * vl * 8));
    }

    /// <summary>Tile k's part of a vector: lanes [kL, kL + L) as 8L bits.</summary>
    public BigInteger Part(byte[] vector, int k) => new(vector.AsSpan(k * Lanes, Lanes), isUnsigned: true);

    /// <summary>The stored word <c>{check, data}</c> the code makes of <paramref name="data"/>.</summary>
    public BigInteger Stored(BigInteger data) => data | (new BigInteger(Code.Encode(Bytes(data))) << (8 * Lanes));

    public byte[] Bytes(BigInteger data)
    {
        var bytes = data.ToByteArray(isUnsigned: true);
        Array.Resize(ref bytes, Lanes);
        return bytes;
    }

    /// <summary>One cycle, issuing <paramref name="word"/> to superlane 0 if given, and a host
    /// command if given; returns every tile's outputs of this cycle.</summary>
    public TileCycle[] Step(ulong? word = null, (int Op, int Tile, int Word, BigInteger Data)? host = null)
    {
        ports.Set("issue_valid", word is null ? 0 : 1);
        ports.Set("issue_word", word ?? 0);
        ports.Set("host_valid", host is null ? 0 : 1);
        ports.Set("host_op", host?.Op ?? 0);
        ports.Set("host_tile", host?.Tile ?? 0);
        ports.Set("host_word", host?.Word ?? 0);
        ports.Set("host_wdata", host?.Data ?? 0);
        Apply();
        sim.Eval();
        var seen = Enumerable.Range(0, Superlanes).Select(Tile).ToArray();
        sim.Tick();
        return seen;
    }

    /// <summary>Runs <paramref name="cycles"/> cycles with <paramref name="issues"/> (cycle, word) and
    /// <paramref name="power"/> (cycle -> mask, default all on); returns [cycle][tile].</summary>
    public TileCycle[][] Run(int cycles, (int Cycle, ulong Word)[] issues, Func<int, int>? power = null)
    {
        var all = (1 << Superlanes) - 1;
        var log = new TileCycle[cycles][];
        for (var c = 0; c < cycles; c++)
        {
            Powered = power?.Invoke(c) ?? all;
            var issue = issues.Where(i => i.Cycle == c).Select(i => (ulong?)i.Word).FirstOrDefault();
            log[c] = Step(issue);
        }

        Powered = all;
        return log;
    }

    public void HostWrite(int tile, int word, BigInteger data) => Step(host: (3, tile, word, data));

    public void HostWriteRaw(int tile, int word, BigInteger stored) => Step(host: (4, tile, word, stored));

    /// <summary>READ_SRAM_RAW: the command cycle, one more, then <c>host_rdata</c> is read.</summary>
    public BigInteger HostReadRaw(int tile, int word)
    {
        Step(host: (5, tile, word, BigInteger.Zero));
        Step();
        sim.Eval();
        return ports.Get("host_rdata");
    }

    /// <summary><c>host_rdata</c> in the current cycle (after the last <see cref="Step"/>).</summary>
    public BigInteger HostRdata()
    {
        sim.Eval();
        return ports.Get("host_rdata");
    }

    public void Dispose() => sim.Dispose();

    private void Apply()
    {
        ports.Set("powered", Powered);
        ports.Set("stream_in", streams);
    }

    private TileCycle Tile(int k)
    {
        var data = 8 * Lanes;
        return new TileCycle(
            ports.Bit("out_valid", k), (int)ports.Get("out_code", 7 * k, 7), ports.Get("out_data", data * k, data),
            ports.Bit("sram_we", k), (int)ports.Get("sram_addr", 16 * k, 16), ports.Get("sram_wdata", data * k, data),
            ports.Bit("ecc_corrected", k), ports.Bit("ecc_uncorrectable", k), (int)ports.Get("ecc_addr", 16 * k, 16),
            ports.Bit("sram_read", k));
    }
}
