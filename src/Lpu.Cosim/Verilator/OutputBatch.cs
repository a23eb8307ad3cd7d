using System.Runtime.InteropServices;

namespace Lpu.Cosim.Verilator;

/// <summary>
/// A fixed set of ports read together by <see cref="VerilatorSimulation.Read"/> in one native call.
/// Each port takes <see cref="VerilatorPort.SlotCount"/> 64-bit slots of one reused buffer, so reading
/// allocates nothing. Usable with every instance of the same model.
/// </summary>
public sealed class OutputBatch
{
    private readonly VerilatorPort[] _ports;
    private readonly int[] _offsets;

    internal OutputBatch(NativeModel model, VerilatorDesign design, IEnumerable<string> portNames)
    {
        Model = model;
        Indices = [.. portNames.Select(design.PortIndex)];
        _ports = [.. Indices.Select(i => design.Ports[i])];
        _offsets = new int[_ports.Length];
        var slots = 0;
        for (var i = 0; i < _ports.Length; i++)
        {
            _offsets[i] = slots;
            slots += _ports[i].SlotCount;
        }

        Buffer = new ulong[slots];
    }

    public int Count => _ports.Length;

    internal NativeModel Model { get; }

    internal int[] Indices { get; }

    internal ulong[] Buffer { get; }

    /// <summary>The value of the <paramref name="index"/>-th port of the batch (ports up to 64 bits).</summary>
    public ulong this[int index]
    {
        get
        {
            if (_ports[index].IsWide)
            {
                throw new InvalidOperationException($"port '{_ports[index].Name}' is {_ports[index].Width} bits wide: read it with Words({index})");
            }

            return Buffer[_offsets[index]];
        }
    }

    /// <summary>The 32-bit words of the <paramref name="index"/>-th port, least significant first.</summary>
    public ReadOnlySpan<uint> Words(int index) =>
        MemoryMarshal.Cast<ulong, uint>(Buffer.AsSpan(_offsets[index], _ports[index].SlotCount))[.._ports[index].WordCount];
}
