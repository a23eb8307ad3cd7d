using System.Numerics;
using System.Runtime.CompilerServices;
using Lpu.Architecture.Isa;

namespace Lpu.Model.State;

/// <summary>
/// The stream registers R[dir][s][p] of every superlane (architecture.md §2), stored as rings so
/// that moving every value one position per cycle costs nothing: an eastward value at p in cycle t
/// is at p + 1 in t + 1, so it lives at ring slot (p - t) mod P (westward: (p + t) mod P). Each
/// cycle only the slot entering at the edge is cleared. Layout per direction:
/// <c>[(s x P + slot) x VL + k x L + lane]</c>.
/// </summary>
internal sealed class StreamFile
{
    private readonly byte[] east;
    private readonly byte[] west;
    private readonly ulong[] dirtyStreams;  // per (dir, slot): bit s set when produced into since the slot was last zero
    private readonly long[] produced;      // cycle + 1 of the last production per (dir, s, p), 0 = never
    private readonly ulong[] producedMask; // and the superlanes produced into in that cycle
    private readonly int streams;
    private readonly int positions;
    private readonly int vectorLength;
    private readonly int lanes;
    private int phase; // Cycle mod P

    public StreamFile(int streams, int positions, int superlanes, int lanes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(streams, 64);   // one bit per stream in dirtyStreams
        this.streams = streams;
        this.positions = positions;
        this.lanes = lanes;
        vectorLength = superlanes * lanes;
        east = new byte[streams * positions * vectorLength];
        west = new byte[east.Length];
        dirtyStreams = new ulong[2 * positions];
        produced = new long[2 * streams * positions];
        producedMask = new ulong[produced.Length];
    }

    /// <summary>The cycle whose register values the file holds.</summary>
    public long Cycle { get; private set; }

    public void Reset()
    {
        Array.Clear(east);
        Array.Clear(west);
        Array.Clear(dirtyStreams);
        Array.Clear(produced);
        Cycle = 0;
        phase = 0;
    }

    /// <summary>Moves to the next cycle: every value moves one position; zeros enter at the edges.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Advance()
    {
        Cycle++;
        phase = phase + 1 == positions ? 0 : phase + 1;
        var eastSlot = Slot(Direction.East, 0);
        var westSlot = Slot(Direction.West, positions - 1);
        // Only slots something was produced into hold non-zero bytes.
        ClearDirty(east, ref dirtyStreams[eastSlot], eastSlot);
        ClearDirty(west, ref dirtyStreams[positions + westSlot], westSlot);
    }

    /// <summary>Zeroes ring slot <paramref name="slot"/> of the streams in <paramref name="mask"/> and clears the mask.</summary>
    private void ClearDirty(byte[] file, ref ulong mask, int slot)
    {
        for (var m = mask; m != 0; m &= m - 1)
        {
            var s = BitOperations.TrailingZeroCount(m);
            file.AsSpan(((s * positions) + slot) * vectorLength, vectorLength).Clear();
        }

        mask = 0;
    }

    /// <summary>The L bytes of superlane <paramref name="k"/> of R[dir][s][p] during the current cycle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> At(Direction dir, int s, int p, int k)
    {
        var slot = Slot(dir, p);
        var array = dir == Direction.East ? east : west;
        return array.AsSpan((((s * positions) + slot) * vectorLength) + (k * lanes), lanes);
    }

    /// <summary>Distance between R[dir][s][p] and R[dir][s + 1][p] in the spans <see cref="From"/> returns.</summary>
    public int StreamStride => positions * vectorLength;

    /// <summary>
    /// The bytes from superlane <paramref name="k"/> of R[dir][s][p] to the end of the direction's
    /// file: superlane k of R[dir][s + j][p] starts at j x <see cref="StreamStride"/> (s + j below S).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> From(Direction dir, int s, int p, int k)
    {
        var array = dir == Direction.East ? east : west;
        return array.AsSpan((((s * positions) + Slot(dir, p)) * vectorLength) + (k * lanes));
    }

    /// <summary>
    /// Marks a production into R[dir][s][p] superlane k in the current cycle and returns its L
    /// bytes for the caller to fill; empty when another unit already produced into the same
    /// register this cycle.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Produce(Direction dir, int s, int p, int k)
    {
        var register = ProduceVector(dir, s, p, 1UL << k);
        return register.IsEmpty ? default : register.Slice(k * lanes, lanes);
    }

    /// <summary>The VL bytes of R[dir][s][p] (superlane k at [kL, kL+L)) during the current cycle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Vector(Direction dir, int s, int p)
    {
        var array = dir == Direction.East ? east : west;
        return array.AsSpan(((s * positions) + Slot(dir, p)) * vectorLength, vectorLength);
    }

    /// <summary>
    /// Marks a production into the superlanes <paramref name="mask"/> of R[dir][s][p] in the current
    /// cycle and returns the register's VL bytes (the caller fills the masked superlanes); empty
    /// when one of those superlanes was already produced into this cycle.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> ProduceVector(Direction dir, int s, int p, ulong mask)
    {
        var register = ((((int)dir * streams) + s) * positions) + p;
        if (produced[register] != Cycle + 1)
        {
            produced[register] = Cycle + 1;
            producedMask[register] = 0;
        }
        else if ((producedMask[register] & mask) != 0)
        {
            return default;
        }

        producedMask[register] |= mask;
        var slot = Slot(dir, p);
        dirtyStreams[((int)dir * positions) + slot] |= 1UL << s;
        return Vector(dir, s, p);
    }

    /// <summary>
    /// Copies superlane <paramref name="k"/> of every register into <paramref name="byPosition"/>,
    /// laid out <c>[((dir x S + s) x P + p) x VL + k x L + lane]</c>.
    /// </summary>
    public void CopySuperlane(int k, byte[] byPosition)
    {
        for (var dir = 0; dir < 2; dir++)
        {
            for (var s = 0; s < streams; s++)
            {
                for (var p = 0; p < positions; p++)
                {
                    var offset = ((((dir * streams) + s) * positions) + p) * vectorLength + (k * lanes);
                    At((Direction)dir, s, p, k).CopyTo(byPosition.AsSpan(offset, lanes));
                }
            }
        }
    }

    /// <summary>Makes every register hold its bytes in <paramref name="byPosition"/> (the layout of <see cref="CopySuperlane"/>).</summary>
    public void Load(byte[] byPosition)
    {
        for (var dir = 0; dir < 2; dir++)
        {
            for (var s = 0; s < streams; s++)
            {
                for (var p = 0; p < positions; p++)
                {
                    var offset = ((((dir * streams) + s) * positions) + p) * vectorLength;
                    byPosition.AsSpan(offset, vectorLength).CopyTo(Vector((Direction)dir, s, p));
                }
            }
        }

        Array.Fill(dirtyStreams, streams == 64 ? ulong.MaxValue : (1UL << streams) - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(Direction dir, int p)
    {
        var slot = dir == Direction.East ? p - phase : p + phase;
        if (slot < 0)
            slot += positions;
        else if (slot >= positions)
            slot -= positions;
        return slot;
    }
}
