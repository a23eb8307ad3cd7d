namespace Lpu.Rtl.Fpga;

/// <summary>The FPGA wrapper's board and UART baud rate (<c>null</c>: the fastest standard rate the board
/// clock divides to within 1%, at least 8 clocks per bit).</summary>
public sealed record FpgaOptions(FpgaBoard? Board = null, int? Baud = null);
