using System.Runtime.CompilerServices;
using Lpu.Model.Icu;
using Lpu.Model.Numerics;
using Lpu.Model.State;

namespace Lpu.Model;

/// <summary>MEM semantics (architecture.md §3, §5): read, write, gather, scatter with ECC and bank rules.</summary>
public sealed partial class LpuSimulator
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExecuteMem(InFlight r, int k, long c)
    {
        ref readonly var op = ref r.Op;
        var slice = r.Unit;
        if (k < superlanes && powered[k])
        {
            r.Powered |= 1UL << k;
            switch (op.Kind)
            {
                case OpKind.Read:
                    // SRAM read in t+k, ECC check in t+k+1, readable at t+k+2.
                    if (!r.BanksFree)
                        UseBanks(slice, k, c, SramState.ReadBank0 << sram.Bank((int)op.Imm));
                    if (r.CapturedVersion == sram.Version(slice))
                    {
                        // The slice is unchanged since the word was copied at issue: tile k is in the copy.
                        LaneCopy.Copy(r.Buffer.AsSpan(k * lanes, lanes), ReadResult(k, c, r.Position, op));
                    }
                    else
                    {
                        ReadTile(slice, k, (int)op.Imm, c, r.Position, op);
                        if (r.CapturedVersion >= 0)
                            Refetches++;
                    }

                    break;
                case OpKind.Write:
                    // Stream read in t+k, SRAM written in t+k+1.
                    UseBanks(slice, k, c + 1, SramState.WriteBank0 << sram.Bank((int)op.Imm));
                    LaneCopy.Copy(streams.At(op.ADir, op.A, r.Position, k), Bucket(c + 1).AddSramWrite(new SramWriteEvent(slice, k, (int)op.Imm)));
                    break;
                case OpKind.Gather:
                    // Address in t+k; SRAM (both banks) in t+k+1, done in the next call.
                    r.Addresses[k] = TileAddress(op, r.Position, k);
                    UseBanks(slice, k, c + 1, SramState.ReadBoth);
                    break;
                case OpKind.Scatter:
                    var address = TileAddress(op, r.Position, k);
                    UseBanks(slice, k, c + 1, SramState.WriteBoth);
                    LaneCopy.Copy(streams.At(op.ADir, op.A, r.Position, k), Bucket(c + 1).AddSramWrite(new SramWriteEvent(slice, k, address)));
                    break;
            }
        }

        var previous = k - 1;
        if (op.Kind == OpKind.Gather && previous >= 0 && previous < superlanes && (r.Powered >> previous & 1) != 0)
            ReadTile(slice, previous, r.Addresses[previous], c, r.Position, op);
    }

    /// <summary>
    /// A read copies its whole word at issue, one sequential copy instead of SL scattered ones;
    /// tile k of the copy is used in t+k only while the slice's SRAM version is unchanged (no write
    /// or bit flip in between), else the tile is read then. Words are copied only when no stored
    /// word is corrupted, so the copy needs no decoding (a later flip changes the version).
    /// </summary>
    private void CaptureWord(InFlight r, int address, long c)
    {
        // Bank conflicts (§5) need two accesses to one tile in one cycle. A slice has one queue,
        // issuing at most once per cycle; a read uses tile k in t+k, a write, gather or scatter
        // issued at t' in t'+k+1. So a read can only meet a write, gather or scatter issued at t-1
        // (which books first, and the read reports the conflict), never a later instruction:
        // without one at t-1 it can neither conflict nor be the booking another conflicts with.
        r.BanksFree = shortcuts && lateSramAccess[r.Unit] != c - 1;
        if (!shortcuts || sram.AnyCorrupted)
            return;
        Ensure(ref r.Buffer, vectorLength);
        sram.Word(r.Unit, address).CopyTo(r.Buffer);
        r.CapturedVersion = sram.Version(r.Unit);
    }

    /// <summary>Reads a tile word in cycle c: ECC event at c + 1, the (corrected) bytes readable at c + 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadTile(int slice, int k, int address, long c, int position, in DecodedOp op)
    {
        var status = sram.Read(slice, k, address, ReadResult(k, c, position, op));
        if (status != EccStatus.Ok)
            Bucket(c + 1).AddEcc(new EccEvent(slice, k, address, status));
    }

    /// <summary>Counts a tile read in cycle c and files its result: the stream bytes readable at c + 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> ReadResult(int k, long c, int position, in DecodedOp op)
    {
        Counters.SramReads++;
        return Bucket(c + 2).AddStream(new StreamEvent(position, op.DstDir, op.Dst, k));
    }

    /// <summary>The per-tile address: the 16-bit little-endian value in lanes 0 and 1 of superlane k, mod W.</summary>
    private int TileAddress(in DecodedOp op, int position, int k) => TileAddress(streams.At(op.BDir, op.B, position, k));

    /// <summary>The address in one superlane's lanes of a gather's or scatter's address stream.</summary>
    private int TileAddress(ReadOnlySpan<byte> superlaneLanes) =>
        (superlaneLanes[0] | superlaneLanes[1] << 8) & (Config.Mem.WordsPerTile - 1);

    private void UseBanks(int slice, int k, long cycle, int mask)
    {
        var conflict = sram.Use(slice, k, cycle, mask);
        if (conflict is not null)
            throw new SimulationException(cycle, conflict);
    }
}
