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
                    UseBanks(slice, k, c, SramState.ReadBank0 << sram.Bank((int)op.Imm));
                    ReadTile(slice, k, (int)op.Imm, c, r.Position, op);
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

    /// <summary>Reads a tile word in cycle c: ECC event at c + 1, the (corrected) bytes readable at c + 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadTile(int slice, int k, int address, long c, int position, in DecodedOp op)
    {
        var destination = Bucket(c + 2).AddStream(new StreamEvent(position, op.DstDir, op.Dst, k));
        var status = sram.Read(slice, k, address, destination);
        Counters.SramReads++;
        if (status != EccStatus.Ok)
            Bucket(c + 1).AddEcc(new EccEvent(slice, k, address, status));
    }

    /// <summary>The per-tile address: the 16-bit little-endian value in lanes 0 and 1 of superlane k, mod W.</summary>
    private int TileAddress(in DecodedOp op, int position, int k)
    {
        var lanesK = streams.At(op.BDir, op.B, position, k);
        return (lanesK[0] | lanesK[1] << 8) & (Config.Mem.WordsPerTile - 1);
    }

    private void UseBanks(int slice, int k, long cycle, int mask)
    {
        var conflict = sram.Use(slice, k, cycle, mask);
        if (conflict is not null)
            throw new SimulationException(cycle, conflict);
    }
}
