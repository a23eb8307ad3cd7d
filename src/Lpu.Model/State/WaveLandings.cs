using System.Runtime.InteropServices;
using Lpu.Architecture.Isa;

namespace Lpu.Model.State;

/// <summary>A whole-vector production of a wave-ordered run: its superlanes in <c>Superlanes</c> land in one wave.</summary>
internal readonly record struct WaveLanding(int Position, Direction Direction, int Stream, ulong Superlanes)
{
    public int Offset { get; init; }
}

/// <summary>The productions landing in one wave, with their VL bytes each.</summary>
internal sealed class WaveLandings(int vectorLength)
{
    private readonly List<WaveLanding> items = [];
    private byte[] data = new byte[4 * vectorLength];
    private int used;

    public long Wave { get; private set; } = -1;

    public ReadOnlySpan<WaveLanding> Items => CollectionsMarshal.AsSpan(items);

    public ReadOnlySpan<byte> Data(in WaveLanding l) => data.AsSpan(l.Offset, vectorLength);

    public void Clear(long wave)
    {
        Wave = wave;
        items.Clear();
        used = 0;
    }

    public Span<byte> Add(WaveLanding l)
    {
        if (used + vectorLength > data.Length)
            Array.Resize(ref data, 2 * data.Length);
        items.Add(l with { Offset = used });
        used += vectorLength;
        return data.AsSpan(used - vectorLength, vectorLength);
    }
}
