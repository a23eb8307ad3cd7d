namespace Lpu.Rtl.Fpga;

/// <summary>
/// A board the FPGA wrapper targets: its oscillator, the pins of the clock, the UART to the host
/// (named from the FPGA's side) and the LEDs, and the nextpnr device and package.
/// </summary>
public sealed record FpgaBoard(string Name, string Device, string Package, int ClockHz, string ClockPin, string RxPin, string TxPin, IReadOnlyList<string> LedPins)
{
    /// <summary>
    /// Lattice iCE40-HX8K Breakout Board (ICE40HX8K-B-EVN): iCE40HX8K-CT256, 12 MHz oscillator on J3,
    /// FT2232H channel B as UART (FTDI TXD on B10, RXD on B12), eight LEDs D2-D9 (B5, B4, A2, A1, C5,
    /// C4, B3, C3), as in the board's user guide and the icestorm hx8kboard examples.
    /// </summary>
    public static FpgaBoard Ice40Hx8kBreakout { get; } = new("ice40-hx8k-breakout", "hx8k", "ct256", 12_000_000, "J3", "B10", "B12",
        ["B5", "B4", "A2", "A1", "C5", "C4", "B3", "C3"]);

    /// <summary>The boards by name.</summary>
    public static IReadOnlyList<FpgaBoard> All { get; } = [Ice40Hx8kBreakout];

    /// <summary>The board called <paramref name="name"/>; an <see cref="ArgumentException"/> lists the names otherwise.</summary>
    public static FpgaBoard Get(string name) => All.FirstOrDefault(b => b.Name == name)
        ?? throw new ArgumentException($"unknown board '{name}' (known: {string.Join(", ", All.Select(b => b.Name))})", nameof(name));
}
