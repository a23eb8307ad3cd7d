namespace Lpu.Cosim.Verilator;

/// <summary>One port as the C++ shim template sees it: its C storage type and masks.</summary>
internal sealed class ShimPort(VerilatorPort port, int index)
{
    public int Index { get; } = index;

    public string Name { get; } = port.Name;

    public int Width { get; } = port.Width;

    public bool IsInput { get; } = port.Direction == PortDirection.Input;

    public bool IsWide { get; } = port.IsWide;

    public int Words { get; } = port.WordCount;

    public int Slots { get; } = port.SlotCount;

    /// <summary>Verilator's storage type for a narrow port (CData, SData, IData, QData).</summary>
    public string CType { get; } = port.Width switch
    {
        <= 8 => "CData",
        <= 16 => "SData",
        <= 32 => "IData",
        _ => "QData",
    };

    /// <summary>sizeof the model's member: a mismatch means the port list is wrong.</summary>
    public int StorageBytes { get; } = port.Width switch
    {
        <= 8 => 1,
        <= 16 => 2,
        <= 32 => 4,
        <= 64 => 8,
        _ => 4 * port.WordCount,
    };

    public string Mask { get; } = $"0x{port.TopMask:X}ULL";

    public string TopMask { get; } = $"0x{port.TopMask:X}U";
}
