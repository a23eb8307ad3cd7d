namespace Lpu.Cosim.Verilator;

/// <summary>
/// A top-level port of the Verilated module. Ports up to 64 bits are read and written as one
/// <see cref="ulong"/>; wider ports as 32-bit words, least significant first.
/// </summary>
public sealed record VerilatorPort(string Name, int Width, PortDirection Direction)
{
    /// <summary>Widest port a model may have (Verilator's own limit is far above any design here).</summary>
    public const int MaxWidth = 1 << 16;

    public static VerilatorPort Input(string name, int width = 1) => new(name, width, PortDirection.Input);

    public static VerilatorPort Output(string name, int width = 1) => new(name, width, PortDirection.Output);

    /// <summary>True when the port is wider than 64 bits and so is accessed as 32-bit words.</summary>
    public bool IsWide => Width > 64;

    /// <summary>Number of 32-bit words the port occupies.</summary>
    public int WordCount => (Width + 31) / 32;

    /// <summary>Number of 64-bit slots the port takes in an <see cref="OutputBatch"/> buffer.</summary>
    public int SlotCount => (Width + 63) / 64;

    /// <summary>Bits of the port's value (narrow ports) or of its top word (wide ports) that exist.</summary>
    internal ulong TopMask
    {
        get
        {
            var topBits = IsWide ? Width - ((WordCount - 1) * 32) : Width;
            return topBits == 64 ? ulong.MaxValue : (1UL << topBits) - 1;
        }
    }
}
