using System.Numerics;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;
using Lpu.Model.Icu;
using Lpu.Model.State;

namespace Lpu.Model;

/// <summary>
/// The golden model: a cycle-exact simulator of one configuration running an
/// <see cref="LpuProgram"/>, written from docs/architecture.md alone. The host-port operations
/// (load, SRAM word write/read, bit-flip injection, step, run, counters) mirror the RTL's.
/// Each <see cref="Step"/> simulates one cycle and returns its events (§10).
/// </summary>
public sealed partial class LpuSimulator
{
    private readonly StreamFile streams;
    private readonly SramState sram;
    private readonly MxmPlane[] planes;
    private readonly ProductWorker productWorker = new();
    private readonly LiveArrayCache packedArrays = new();
    private readonly CycleEvents[] buckets;
    private readonly List<InFlight> inFlight = [];
    private readonly Stack<InFlight> pool = new();
    private readonly bool[] powered;
    private readonly List<(long Cycle, int Superlane, bool On, int Queue)> powerChanges = [];
    private readonly List<MxmUpdate> mxmUpdates = [];
    private readonly Stack<sbyte[]> arrayPool = new();
    private readonly int[]?[][] permuteMaps;
    private readonly int[]?[][] distributeMaps;
    private readonly int superlanes;
    private readonly int lanes;
    private readonly int vectorLength;
    private readonly int maxLatency;
    private readonly int accumulatorRows;
    private QueueState[] queues = [];
    private int[] programmed = [];   // the queues with entries: an empty queue never issues nor waits
    private readonly long[] lateSramAccess;   // per slice: issue cycle of its last write, gather or scatter
    private readonly int[] lateSramBanks;       // wave order: the banks it uses
    private readonly ulong[] lateSramSuperlanes; // wave order: the superlanes it uses
    private bool shortcuts = true;
    private long lastIssue = -1;
    private long doneCycle;
    private CycleEvents events;

    /// <summary>Builds the machine for <paramref name="config"/>, all state zero, no program (done at cycle 0).</summary>
    public LpuSimulator(LpuConfig config)
    {
        config.Validate();
        Config = config;
        Floorplan = new Floorplan(config);
        superlanes = config.Superlanes;
        lanes = config.LanesPerSuperlane;
        vectorLength = config.VectorLength;
        maxLatency = InstructionSet.MaxLatency(config);
        accumulatorRows = config.Mxm.Accumulators;
        streams = new StreamFile(config.StreamsPerDirection, config.PositionCount, superlanes, lanes);
        sram = new SramState(config.SliceCount, config.Mem.WordsPerTile, superlanes, lanes, config.Mem.Ecc);
        planes = [.. Enumerable.Range(0, config.Mxm.Planes).Select(_ => new MxmPlane(vectorLength, accumulatorRows, productWorker, packedArrays))];
        // Events are due at most SL + 3 cycles ahead; a power-of-two ring is indexed with a mask.
        buckets = [.. Enumerable.Range(0, (int)BitOperations.RoundUpToPowerOf2((uint)superlanes + 8)).Select(_ => new CycleEvents(lanes))];
        powered = new bool[superlanes];
        permuteMaps = NewMapTables(config, config.Sxm.Permuters);
        distributeMaps = NewMapTables(config, config.Sxm.Distributors);
        Counters = new ModelCounters(Floorplan.Queues.Count);
        lateSramAccess = new long[config.SliceCount];
        lateSramBanks = new int[config.SliceCount];
        lateSramSuperlanes = new ulong[config.SliceCount];
        events = buckets[0];
        Reset();
    }

    /// <summary>The configuration simulated.</summary>
    public LpuConfig Config { get; }

    /// <summary>Its floorplan (positions, queue order).</summary>
    public Floorplan Floorplan { get; }

    /// <summary>The next cycle <see cref="Step"/> will simulate (= cycles simulated so far).</summary>
    public long Cycle => streams.Cycle;

    /// <summary>The done cycle D of §4 once every queue has finished, else null.</summary>
    public long? DoneCycle => doneCycle >= 0 ? doneCycle : null;

    /// <summary>True once <see cref="Cycle"/> has reached the done cycle D.</summary>
    public bool IsDone => doneCycle >= 0 && Cycle >= doneCycle;

    /// <summary>Activity counters since the last load or reset.</summary>
    public ModelCounters Counters { get; }

    /// <summary>The events of the last simulated cycle (empty before the first step).</summary>
    public CycleEvents Events => events;

    /// <summary>Returns to the reset state: registers, SRAM, MXM, maps, queues and counters cleared.</summary>
    public void Reset()
    {
        streams.Reset();
        sram.Reset();
        foreach (var plane in planes)
            plane.Reset();
        foreach (var b in buckets)
            b.Clear(-1);
        events = buckets[0];
        foreach (var table in permuteMaps.Concat(distributeMaps))
            Array.Clear(table);
        Array.Fill(powered, true);
        powerChanges.Clear();
        foreach (var u in mxmUpdates.Where(u => !u.Shared))
            arrayPool.Push(u.Weights);
        mxmUpdates.Clear();
        foreach (var r in inFlight)
        {
            if (r.Weights.Length > 0)
                arrayPool.Push(r.Weights);
            r.Weights = [];
            pool.Push(r);
        }
        inFlight.Clear();
        queues = [];
        programmed = [];
        loaded = null;
        hostChangesSinceLoad.Clear();
        lastIssue = -1;
        doneCycle = 0;
        Counters.Reset();
        Refetches = 0;
        Array.Fill(lateSramAccess, long.MinValue);
    }

    /// <summary>
    /// Resets, then loads a program through the host port: SXM maps, SRAM data (ECC generated) and
    /// the queues. Operands the machine cannot execute are an <see cref="ArgumentException"/>
    /// naming queue and entry.
    /// </summary>
    public void Load(LpuProgram program)
    {
        if (!program.Config.Equals(Config))
            throw new ArgumentException("the program was built for a different configuration", nameof(program));
        Reset();
        foreach (var map in program.Maps)
        {
            var tables = map.Kind == SxmMapKind.Permute ? permuteMaps : distributeMaps;
            tables[Side(map.Side)][(map.Unit * Config.Sxm.MapTableDepth) + map.Slot] = [.. map.Entries];
        }

        foreach (var block in program.Data)
        {
            for (var w = 0; w < block.WordCount(vectorLength); w++)
                WriteSram(block.Slice, block.Address + w, block.Bytes.AsSpan(w * vectorLength, vectorLength));
        }

        var built = new QueueState[program.Queues.Count];
        for (var i = 0; i < built.Length; i++)
        {
            var info = Floorplan.Queues[i];
            var list = program.Queues[i];
            if (list.Count > Config.Icu.QueueDepth)
                throw new ArgumentException($"queue {info.Name} holds {list.Count} instructions, more than icu.queueDepth = {Config.Icu.QueueDepth}");
            var ops = new DecodedOp[list.Count];
            for (var j = 0; j < ops.Length; j++)
                ops[j] = OpDecoder.Decode(list[j], info, j, Config, (permute, slot) => MapOf(info, permute, slot) is not null);
            built[i] = new QueueState(info, ops, [.. list.Select(instruction => instruction.ToString())]);
        }

        queues = built;
        programmed = [.. Enumerable.Range(0, built.Length).Where(i => built[i].Ops.Length > 0)];
        doneCycle = -1;
        foreach (var q in queues)
            q.Advance(0);
        CheckProgress(0);
        loaded = program;
    }

    /// <summary>Host write of one SRAM word (VL bytes, tile k gets bytes [kL, kL+L)); check bits are generated.</summary>
    public void WriteSram(int slice, int address, ReadOnlySpan<byte> vector)
    {
        CheckWord(slice, address, vector.Length, vectorLength);
        for (var k = 0; k < superlanes; k++)
            sram.Write(slice, k, address, vector.Slice(k * lanes, lanes));
        if (RecordsHostChanges)
        {
            var copy = vector.ToArray();
            hostChangesSinceLoad.Add(() => WriteSram(slice, address, copy));
        }
    }

    /// <summary>Host read of one SRAM word as stored (no correction) into <paramref name="vector"/> (VL bytes).</summary>
    public void ReadSram(int slice, int address, Span<byte> vector)
    {
        CheckWord(slice, address, vector.Length, vectorLength);
        for (var k = 0; k < superlanes; k++)
            sram.Tile(slice, k, address).CopyTo(vector.Slice(k * lanes, lanes));
    }

    /// <summary>The stored check field of one tile word (0 without ECC).</summary>
    public ushort ReadCheckBits(int slice, int superlane, int address)
    {
        CheckTile(slice, superlane, address);
        return sram.Check(slice, superlane, address);
    }

    /// <summary>
    /// Flips one stored bit of a tile word to test ECC: bits 0 .. 8L-1 are data (byte j/8, bit
    /// j%8), bits 8L .. 8L + r are the check field (Hamming bits, then the overall parity).
    /// </summary>
    public void InjectBitFlip(int slice, int superlane, int address, int bit)
    {
        CheckTile(slice, superlane, address);
        var bits = (8 * lanes) + (sram.Code?.CheckBits ?? 0);
        if (bit < 0 || bit >= bits)
            throw new ArgumentOutOfRangeException(nameof(bit), $"bit {bit} out of range [0, {bits})");
        sram.FlipBit(slice, superlane, address, bit);
        if (RecordsHostChanges)
            hostChangesSinceLoad.Add(() => InjectBitFlip(slice, superlane, address, bit));
    }

    /// <summary>The VL bytes of stream register R[dir][stream][position] as they are during cycle <see cref="Cycle"/>.</summary>
    public void ReadStream(Direction direction, int stream, int position, Span<byte> vector)
    {
        if (stream < 0 || stream >= Config.StreamsPerDirection || position < 0 || position >= Config.PositionCount)
            throw new ArgumentOutOfRangeException(nameof(stream), $"no stream register {stream} at position {position}");
        if (vector.Length != vectorLength)
            throw new ArgumentException($"a vector has {vectorLength} bytes, got {vector.Length}", nameof(vector));
        for (var k = 0; k < superlanes; k++)
            streams.At(direction, stream, position, k).CopyTo(vector.Slice(k * lanes, lanes));
    }

    /// <summary>Accumulator row <paramref name="row"/> of MXM plane <paramref name="plane"/> (VL int32 values).</summary>
    public void ReadAccumulator(int plane, int row, Span<int> values)
    {
        if (plane < 0 || plane >= planes.Length || row < 0 || row >= Config.Mxm.Accumulators)
            throw new ArgumentOutOfRangeException(nameof(row), $"no accumulator row {row} in plane {plane}");
        // The state after the last simulated cycle: updates due up to Cycle - 1 have landed.
        planes[plane].Settle(Cycle - 1);
        planes[plane].Accumulators.AsSpan(row * vectorLength, vectorLength).CopyTo(values);
    }

    /// <summary>Sets the size (MACs) from which pending abc products go to the matrix kernel, for tests of both paths.</summary>
    internal void SetMxmBatchMacs(long macs)
    {
        foreach (var plane in planes)
            plane.BatchMacs = macs;
    }

    /// <summary>Sets the size (MACs) from which products go to the worker thread (0: every capture starts one), for tests of both paths.</summary>
    internal void SetMxmWorkerMacs(long macs)
    {
        foreach (var plane in planes)
            plane.WorkerMacs = macs;
    }

    /// <summary>
    /// Turns the per-instruction shortcuts off (whole-word copies of read and iw, reads without
    /// bank bookkeeping), for tests that compare them with the superlane-by-superlane definition.
    /// </summary>
    internal void SetShortcuts(bool on) => shortcuts = on;

    /// <summary>Tiles (read) and superlanes (iw) taken at t+k because their source changed after the copy at issue; for tests.</summary>
    internal long Refetches { get; private set; }

    /// <summary>True when superlane <paramref name="superlane"/> is powered during cycle <see cref="Cycle"/>.</summary>
    public bool IsPowered(int superlane) => powered[superlane];

    /// <summary>
    /// Runs until the done cycle (or <paramref name="maxCycles"/> cycles, then a
    /// <see cref="SimulationException"/>), calling <paramref name="onCycle"/> with each cycle's
    /// events. Returns the done cycle D. Without a callback, a run that starts right after
    /// <see cref="Load"/> goes in wave order (LpuSimulator.Waves.cs): every instruction does all its
    /// superlanes at issue. It ends in the same state, and throws the same first error; only the
    /// per-cycle events are not made (<see cref="Events"/> is then empty).
    /// </summary>
    public long Run(long maxCycles = 100_000_000, Action<CycleEvents>? onCycle = null) =>
        onCycle is null && CanRunInWaves ? RunInWaves(maxCycles) : RunCycles(maxCycles, onCycle);

    private long RunCycles(long maxCycles, Action<CycleEvents>? onCycle)
    {
        while (!IsDone)
        {
            if (Cycle >= maxCycles)
                throw new SimulationException(Cycle, $"not done after {maxCycles} cycles");
            var e = Step();
            onCycle?.Invoke(e);
        }

        return doneCycle;
    }

    private static int Side(Hemisphere h) => h == Hemisphere.West ? 0 : 1;

    private static int[]?[][] NewMapTables(LpuConfig config, int units) =>
        [new int[]?[units * config.Sxm.MapTableDepth], new int[]?[units * config.Sxm.MapTableDepth]];

    private int[]? MapOf(QueueInfo info, bool permute, int slot)
    {
        // Only a permuter (distributor) queue has permute (distribute) maps.
        if (slot < 0 || slot >= Config.Sxm.MapTableDepth || info.Sxm != (permute ? SxmKind.Perm : SxmKind.Dist))
            return null;
        var tables = permute ? permuteMaps : distributeMaps;
        return tables[Side(info.Hemisphere)][(info.UnitIndex * Config.Sxm.MapTableDepth) + slot];
    }

    private void CheckWord(int slice, int address, int length, int expected)
    {
        CheckTile(slice, 0, address);
        if (length != expected)
            throw new ArgumentException($"an SRAM word has {expected} bytes, got {length}");
    }

    private void CheckTile(int slice, int superlane, int address)
    {
        if (slice < 0 || slice >= Config.SliceCount)
            throw new ArgumentOutOfRangeException(nameof(slice), $"slice {slice} out of range [0, {Config.SliceCount})");
        if (superlane < 0 || superlane >= superlanes)
            throw new ArgumentOutOfRangeException(nameof(superlane), $"superlane {superlane} out of range [0, {superlanes})");
        if (address < 0 || address >= Config.Mem.WordsPerTile)
            throw new ArgumentOutOfRangeException(nameof(address), $"address {address} out of range [0, {Config.Mem.WordsPerTile})");
    }
}
