using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;
using Lpu.Model.Icu;
using Lpu.Model.Numerics;
using Lpu.Model.State;

namespace Lpu.Model;

/// <summary>
/// The wave-ordered run behind <see cref="Run"/> without a callback. An instruction issued at t
/// works on superlane k in cycle t + k, and every interaction the ISA defines between two
/// instructions is the same on every superlane: a read issued at t sees a write issued at t_w iff
/// t_w &lt; t; a value landing d cycles after its producer issued at t is seen by a consumer issued
/// at t' iff t' &gt;= t + d; a config issued at t_c gates superlane k from t_c + k + 1 on. So the model
/// may simulate in wave time w = c - k: an instruction does all its superlanes at once, at issue,
/// on whole vectors, and superlane k of each stream register holds in wave w its value of cycle
/// w + k. That is SL times fewer operations than cycle order. The MXM's array and accumulators are
/// shared by all superlanes and keep real time: an install or an abc update is due in a cycle, an
/// abc multiplies in t + SL - 1, and an acc reads superlane k of its row as of t + k.
/// </summary>
/// <remarks>
/// Only the state at the done cycle is observable after such a run (SRAM, accumulators, counters,
/// power and, converted back to real time at the end, the stream registers); per-cycle events need
/// <see cref="Step"/> or a callback. A runtime error is first found in wave order, which need not be
/// the order of cycles, so the program is then loaded again and run cycle by cycle, and the first
/// error in real time is the one thrown.
/// </remarks>
public sealed partial class LpuSimulator
{
    private readonly List<Action> hostChangesSinceLoad = [];
    private LpuProgram? loaded;
    private WaveLandings[] landings = [];
    private ulong wavePowered;
    private byte[] sxmScratch = [];
    private int[] rowAcross = [];
    private byte[] realFrame = [];     // the stream registers of cycle D, gathered over the last SL waves

    /// <summary>
    /// For tests: receives every event of a wave-ordered run as a trace line of architecture.md §10,
    /// in wave order (sort them to compare with a cycle-ordered trace).
    /// </summary>
    internal Action<string>? WaveTrace { get; set; }

    /// <summary>True when <see cref="Run"/> may take the wave-ordered path: a program just loaded, nothing stepped.</summary>
    private bool CanRunInWaves => shortcuts && loaded is not null && Cycle == 0 && doneCycle < 0;

    private long RunInWaves(long maxCycles)
    {
        try
        {
            return RunWaves(maxCycles);
        }
        catch (SimulationException)
        {
            // Run it again in cycle order from the same start, so the error reported is the first in time.
            var program = loaded!;
            var changes = hostChangesSinceLoad.ToArray();
            Load(program);
            foreach (var change in changes)
                change();
            return RunCycles(maxCycles, null);
        }
    }

    private long RunWaves(long maxCycles)
    {
        if (landings.Length != buckets.Length)
            landings = [.. Enumerable.Range(0, buckets.Length).Select(_ => new WaveLandings(vectorLength, sram))];
        foreach (var l in landings)
            l.Clear(-1);
        Ensure(ref rowAcross, vectorLength);
        Ensure(ref realFrame, 2 * Config.StreamsPerDirection * Config.PositionCount * vectorLength);
        while (!IsDone)
        {
            if (Cycle >= maxCycles)
                throw new SimulationException(Cycle, $"not done after {maxCycles} cycles");
            StepWave();
            // Superlane k of a register in cycle D is its value in wave D - k: keep it on the way.
            if (doneCycle >= 0 && Cycle <= doneCycle && doneCycle - Cycle < superlanes)
                streams.CopySuperlane((int)(doneCycle - Cycle), realFrame);
        }

        // A program that issues ends after its last wave (D >= SL + 1). Installs still pending are
        // due before D: cycle order has made them by now.
        InstallDue(doneCycle);
        streams.Load(realFrame);
        events = Bucket(doneCycle - 1);   // empty: wave order files no per-cycle events
        return doneCycle;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StepWave()
    {
        var w = Cycle;
        ApplyPowerChanges(w);
        wavePowered = 0;
        for (var k = 0; k < superlanes; k++)
        {
            if (powered[k])
                wavePowered |= 1UL << k;
        }

        var due = Landing(w);
        foreach (ref readonly var l in due.Items)
        {
            var register = streams.ProduceVector(l.Direction, l.Stream, l.Position, l.Superlanes);
            if (register.IsEmpty)
                throw new SimulationException(w, "two results due in one stream register");   // reported again in cycle order
            var data = due.Data(in l);
            if (l.Superlanes == AllSuperlanes)
            {
                data.CopyTo(register);
            }
            else
            {
                for (var k = 0; k < superlanes; k++)
                {
                    if ((l.Superlanes >> k & 1) != 0)
                        LaneCopy.Copy(data.Slice(k * lanes, lanes), register.Slice(k * lanes, lanes));
                }
            }

            Counters.StreamProductions += BitOperations.PopCount(l.Superlanes);
            if (WaveTrace is not null)
                TraceLanding(w, l, data);
        }

        IssueAll(w, null);
        CheckProgress(w);
        Counters.Cycles = w + 1;
        streams.Advance();
    }

    private ulong AllSuperlanes => superlanes == 64 ? ulong.MaxValue : (1UL << superlanes) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private WaveLandings Landing(long wave)
    {
        var l = landings[(int)wave & (landings.Length - 1)];
        if (l.Wave != wave)
            l.Clear(wave);
        return l;
    }

    /// <summary>The VL bytes an instruction issued now produces on a stream register <paramref name="latency"/> waves later, powered superlanes only.</summary>
    private Span<byte> Produce(long w, int latency, int position, Direction direction, int stream) =>
        Landing(w + latency).Add(new WaveLanding(position, direction, stream, wavePowered));

    /// <summary>Does every superlane of <paramref name="op"/>, issued in wave <paramref name="w"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExecuteWhole(in DecodedOp op, QueueInfo queue, long w)
    {
        var position = queue.Kind == UnitKind.Vxm ? Floorplan.VxmPosition : queue.Position;
        switch (op.Kind)
        {
            case OpKind.Read or OpKind.Write or OpKind.Gather or OpKind.Scatter:
                MemWhole(op, queue.GlobalSlice, position, w);
                break;
            case OpKind.Vxm or OpKind.Cvt or OpKind.Requant:
                VxmWhole(op, position, w);
                break;
            case OpKind.Config:
                for (var k = 0; k < superlanes; k++)
                    powerChanges.Add((w + 1, k, (op.Imm >> k & 1) != 0, queue.Index));
                break;
            case OpKind.Lw or OpKind.Iw or OpKind.Abc or OpKind.Acc:
                MxmWhole(op, queue, position, w);
                break;
            default:
                SxmWhole(op, queue, position, w);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MemWhole(in DecodedOp op, int slice, int position, long w)
    {
        var mask = wavePowered;
        var address = (int)op.Imm;
        switch (op.Kind)
        {
            case OpKind.Read:
                // Only a write, gather or scatter issued the wave before can meet a read's banks (see
                // CaptureWord), on the superlanes both use. The run is then redone in cycle order,
                // which books every tile and reports the conflict in full.
                if (lateSramAccess[slice] == w - 1 && (lateSramSuperlanes[slice] & mask) != 0
                    && SramState.Conflict(lateSramBanks[slice], SramState.ReadBank0 << sram.Bank(address)))
                    throw BankConflict(w, slice);
                if (mask == 0)
                    return;
                Counters.SramReads += BitOperations.PopCount(mask);
                var landing = new WaveLanding(position, op.DstDir, op.Dst, mask);
                if (!sram.AnyCorrupted)
                {
                    // Copied when it lands: only a write to this slice can change the word before.
                    Landing(w + 2).AddRead(landing, slice, address);
                    return;
                }

                var word = Landing(w + 2).Add(landing);
                for (var k = 0; k < superlanes; k++)
                {
                    if ((mask >> k & 1) != 0)
                        CountEcc(sram.Read(slice, k, address, word.Slice(k * lanes, lanes)), slice, k, address, w + k + 1);
                }

                return;
            case OpKind.Write:
                LateAccess(slice, w, SramState.WriteBank0 << sram.Bank(address), mask);
                KeepReads(slice, w);
                var data = streams.Vector(op.ADir, op.A, position);
                sram.WriteWord(slice, address, data, mask);
                if (WaveTrace is not null)
                    TraceWrite(w, slice, address, data, mask);

                Counters.SramWrites += BitOperations.PopCount(mask);
                return;
            case OpKind.Gather:
                LateAccess(slice, w, SramState.ReadBoth, mask);
                var addresses = streams.Vector(op.BDir, op.B, position);
                if (mask == 0)
                    return;
                var gathered = Produce(w, 3, position, op.DstDir, op.Dst);
                for (var k = 0; k < superlanes; k++)
                {
                    if ((mask >> k & 1) != 0)
                    {
                        var tileAddress = TileAddress(addresses.Slice(k * lanes, lanes));
                        CountEcc(sram.Read(slice, k, tileAddress, gathered.Slice(k * lanes, lanes)), slice, k, tileAddress, w + k + 2);
                    }
                }

                Counters.SramReads += BitOperations.PopCount(mask);
                return;
            case OpKind.Scatter:
                LateAccess(slice, w, SramState.WriteBoth, mask);
                KeepReads(slice, w);
                var values = streams.Vector(op.ADir, op.A, position);
                var targets = streams.Vector(op.BDir, op.B, position);
                for (var k = 0; k < superlanes; k++)
                {
                    if ((mask >> k & 1) != 0)
                        WriteTile(slice, k, TileAddress(targets.Slice(k * lanes, lanes)), values.Slice(k * lanes, lanes), w);
                }

                Counters.SramWrites += BitOperations.PopCount(mask);
                return;
        }
    }

    // The trace lines and messages are made out of line: a method that formats a string zeroes the
    // formatter's stack slots on every call, and StepWave and MemWhole run for every instruction.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TraceLanding(long w, in WaveLanding l, ReadOnlySpan<byte> data)
    {
        for (var k = 0; k < superlanes; k++)
        {
            if ((l.Superlanes >> k & 1) != 0)
                WaveTrace?.Invoke($"{w + k} S {l.Position} {(l.Direction == Direction.East ? 'e' : 'w')}{l.Stream} {k} {Hex(data.Slice(k * lanes, lanes))}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TraceWrite(long w, int slice, int address, ReadOnlySpan<byte> data, ulong mask)
    {
        for (var k = 0; k < superlanes; k++)
        {
            if ((mask >> k & 1) != 0)
                WaveTrace?.Invoke($"{w + k + 1} M {slice} {k} {address} {Hex(data.Slice(k * lanes, lanes))}");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SimulationException BankConflict(long w, int slice) => new(w, $"bank conflict in slice {slice}");

    /// <summary>Copies the reads of <paramref name="slice"/> still to land (issued before wave <paramref name="w"/>, or in it) before a write in w changes the slice.</summary>
    private void KeepReads(int slice, long w)
    {
        Landing(w + 1).KeepReads(slice);
        Landing(w + 2).KeepReads(slice);
    }

    /// <summary>A write, gather or scatter issued in wave <paramref name="w"/> uses <paramref name="banks"/> of the powered tiles in the next wave, where only a read can meet them.</summary>
    private void LateAccess(int slice, long w, int banks, ulong mask)
    {
        lateSramAccess[slice] = w;
        lateSramBanks[slice] = banks;
        lateSramSuperlanes[slice] = mask;
    }

    /// <summary>Counts an ECC check of tile k, which happens in <paramref name="cycle"/>.</summary>
    private void CountEcc(EccStatus status, int slice, int k, int address, long cycle)
    {
        if (status == EccStatus.Ok)
            return;
        if (status == EccStatus.Corrected)
            Counters.EccCorrected++;
        else
            Counters.EccUncorrectable++;
        WaveTrace?.Invoke($"{cycle} E {slice} {k} {address} {(status == EccStatus.Corrected ? 'C' : 'U')}");
    }

    /// <summary>Writes tile k of a scatter issued in wave <paramref name="w"/> (the tile is written in w + k + 1).</summary>
    private void WriteTile(int slice, int k, int address, ReadOnlySpan<byte> bytes, long w)
    {
        sram.Write(slice, k, address, bytes);
        WaveTrace?.Invoke($"{w + k + 1} M {slice} {k} {address} {Hex(bytes)}");
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private void VxmWhole(in DecodedOp op, int position, long w)
    {
        if (wavePowered == 0)
            return;
        var result = ComputeVxm(op, position, WholeVector);
        var vl = vectorLength;
        for (var j = 0; j < result.Length / vl; j++)
            result.Slice(j * vl, vl).CopyTo(Produce(w, 2, position, op.DstDir, op.Dst + j));
    }

    private void SxmWhole(in DecodedOp op, QueueInfo queue, int position, long w)
    {
        var span = op.Kind == OpKind.Transpose ? lanes : 1;
        var vl = vectorLength;
        Ensure(ref sxmScratch, 2 * span * vl);
        var input = sxmScratch.AsSpan(0, span * vl);
        var output = sxmScratch.AsSpan(span * vl, span * vl);
        for (var j = 0; j < span; j++)
            streams.Vector(op.ADir, op.A + j, position).CopyTo(input.Slice(j * vl, vl));
        FormSxmOutput(op, queue, input, output);
        if (wavePowered == 0)
            return;
        for (var j = 0; j < span; j++)
            output.Slice(j * vl, vl).CopyTo(Produce(w, superlanes + 2, position, op.DstDir, op.Dst + j));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MxmWhole(in DecodedOp op, QueueInfo queue, int position, long w)
    {
        var unit = queue.UnitIndex;
        var plane = planes[unit];
        var vl = vectorLength;
        switch (op.Kind)
        {
            case OpKind.Lw:
                var row = plane.RowPointer;
                plane.RowPointer = (int)((row + op.Imm) % vl);
                plane.LoadVersion++;
                for (var j = 0; j < op.Imm; j++)
                {
                    streams.Vector(op.ADir, op.A + j, position).CopyTo(plane.LoadBuffer.AsSpan(row * vl, vl));
                    row = row + 1 == vl ? 0 : row + 1;
                }

                return;
            case OpKind.Iw:
                plane.RowPointer = 0;
                plane.LastInstall = w;
                // An array installed lately (a GEMM installs each weight tile once per row chunk) is
                // the cache's copy, which the plane then finds packed; any other is copied.
                var loaded = MemoryMarshal.Cast<byte, sbyte>(plane.LoadBuffer.AsSpan());
                if (packedArrays.Find(loaded) is { } shared)
                {
                    mxmUpdates.Add(new MxmUpdate(w + superlanes + 2, unit, shared, Shared: true));
                    return;
                }

                var weights = RentWeights();
                loaded.CopyTo(weights);
                mxmUpdates.Add(new MxmUpdate(w + superlanes + 2, unit, weights));
                return;
            case OpKind.Abc:
                CheckAbcNotInstalling(plane, queue, w);
                // It multiplies in t + SL - 1, with the installs due by then.
                InstallDue(w + superlanes - 1, unit);
                plane.Capture(w + superlanes + 2, (int)op.Imm, op.Imm2 != 0, MemoryMarshal.Cast<byte, sbyte>(streams.Vector(op.ADir, op.A, position)));
                Counters.Macs += (long)vl * vl;
                return;
            case OpKind.Acc:
                if (wavePowered == 0)
                    return;
                var values = rowAcross.AsSpan(0, vl);
                plane.ReadRowAcross(w, (int)op.Imm, lanes, values);
                for (var j = 0; j < 4; j++)
                    ByteOf(values, j, Produce(w, 2, position, op.DstDir, op.Dst + j));
                return;
        }
    }

    /// <summary>True between a load and the first step: host writes and flips are then kept, to be replayed when a wave-ordered run is run again in cycle order.</summary>
    private bool RecordsHostChanges => loaded is not null && Cycle == 0;
}
