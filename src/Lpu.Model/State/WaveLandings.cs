using System.Runtime.InteropServices;
using Lpu.Architecture.Isa;

namespace Lpu.Model.State;

/// <summary>
/// A whole-vector production of a wave-ordered run: its superlanes in <c>Superlanes</c> land in one
/// wave. Its bytes are in the landings' buffer at <c>Offset</c>, or, for a read not yet copied,
/// still in SRAM word <c>ReadAddress</c> of slice <c>ReadSlice</c>.
/// </summary>
internal readonly record struct WaveLanding(int Position, Direction Direction, int Stream, ulong Superlanes)
{
    public int Offset { get; init; }

    /// <summary>The slice a read's bytes are still in, or -1 when they are in the buffer.</summary>
    public int ReadSlice { get; init; } = -1;

    public int ReadAddress { get; init; }
}

/// <summary>
/// The productions landing in one wave, with their VL bytes each. A read is copied from SRAM only
/// when it lands (one copy instead of two, and time for its prefetch), unless its slice is written
/// before then (<see cref="KeepReads"/>).
/// </summary>
internal sealed class WaveLandings(int vectorLength, SramState sram)
{
    private readonly List<WaveLanding> items = [];
    private readonly ulong[] slicesRead = new ulong[(sram.Slices + 63) / 64];   // slices with a read still to copy
    private byte[] data = new byte[4 * vectorLength];
    private int used;

    public long Wave { get; private set; } = -1;

    public ReadOnlySpan<WaveLanding> Items => CollectionsMarshal.AsSpan(items);

    public ReadOnlySpan<byte> Data(in WaveLanding l) =>
        l.ReadSlice < 0 ? data.AsSpan(l.Offset, vectorLength) : sram.Word(l.ReadSlice, l.ReadAddress);

    public void Clear(long wave)
    {
        Wave = wave;
        items.Clear();
        Array.Clear(slicesRead);
        used = 0;
    }

    /// <summary>Adds a production; returns the VL bytes to fill.</summary>
    public Span<byte> Add(WaveLanding l)
    {
        var offset = Reserve();
        items.Add(l with { Offset = offset });
        return data.AsSpan(offset, vectorLength);
    }

    /// <summary>Adds a read of SRAM word <paramref name="address"/> of <paramref name="slice"/>, to be copied when it lands.</summary>
    public void AddRead(WaveLanding l, int slice, int address)
    {
        items.Add(l with { ReadSlice = slice, ReadAddress = address });
        slicesRead[slice >> 6] |= 1UL << slice;
        sram.Prefetch(slice, address);
    }

    /// <summary>Copies the reads still in <paramref name="slice"/> into the buffer: the slice is about to be written.</summary>
    public void KeepReads(int slice)
    {
        if ((slicesRead[slice >> 6] >> slice & 1) == 0)   // most writes meet no read of their slice
            return;
        slicesRead[slice >> 6] &= ~(1UL << slice);
        var all = CollectionsMarshal.AsSpan(items);
        for (var i = 0; i < all.Length; i++)
        {
            ref var l = ref all[i];
            if (l.ReadSlice != slice)
                continue;
            var offset = Reserve();
            sram.Word(slice, l.ReadAddress).CopyTo(data.AsSpan(offset, vectorLength));
            l = l with { Offset = offset, ReadSlice = -1 };
        }
    }

    private int Reserve()
    {
        if (used + vectorLength > data.Length)
            Array.Resize(ref data, 2 * data.Length);
        used += vectorLength;
        return used - vectorLength;
    }
}
