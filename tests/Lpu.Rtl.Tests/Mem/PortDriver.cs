using System.Numerics;
using Lpu.Cosim.Verilator;

namespace Lpu.Rtl.Tests.Mem;

/// <summary>Sets and reads ports of any width by name, as <see cref="BigInteger"/>s.</summary>
internal sealed class PortDriver(VerilatorSimulation sim)
{
    public VerilatorSimulation Sim { get; } = sim;

    public void Set(string name, BigInteger value)
    {
        var port = Sim.PortIndex(name);
        var spec = Sim.Design.Ports[port];
        if (!spec.IsWide)
        {
            Sim.SetInput(port, (ulong)value);
            return;
        }

        var words = new uint[spec.WordCount];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = (uint)(value >> (32 * i) & uint.MaxValue);
        }

        Sim.SetInput(port, words);
    }

    public BigInteger Get(string name)
    {
        var port = Sim.PortIndex(name);
        var spec = Sim.Design.Ports[port];
        if (!spec.IsWide)
        {
            return Sim.GetOutput(port);
        }

        var words = new uint[spec.WordCount];
        Sim.GetOutput(port, words);
        var value = BigInteger.Zero;
        for (var i = words.Length - 1; i >= 0; i--)
        {
            value = (value << 32) | words[i];
        }

        return value;
    }

    /// <summary>Bits [lsb + width - 1 : lsb] of port <paramref name="name"/>.</summary>
    public BigInteger Get(string name, int lsb, int width) => Get(name) >> lsb & ((BigInteger.One << width) - 1);

    public bool Bit(string name, int bit) => !(Get(name) >> bit & 1).IsZero;
}
