using Lpu.Hdl.Verilog;

namespace Lpu.Rtl.Fpga;

/// <summary>
/// The generated FPGA build of one configuration: the Verilog of <c>lpu_fpga_top</c> (the wrapper, the
/// host link and <c>lpu_top</c> with its modules), the board's constraint files, and the protocol the
/// host link speaks.
/// </summary>
public sealed class FpgaDesign
{
    internal FpgaDesign(EmittedDesign verilog, IReadOnlyList<EmittedFile> constraints, FpgaBoard board, int baud, int divisor, HostLinkProtocol protocol)
    {
        Verilog = verilog;
        Constraints = constraints;
        Board = board;
        Baud = baud;
        BaudDivisor = divisor;
        Protocol = protocol;
    }

    /// <summary>The module files and <c>lpu_fpga_top.f</c>.</summary>
    public EmittedDesign Verilog { get; }

    /// <summary>The pin constraints (<c>.pcf</c>) and the nextpnr clock constraint (<c>.py</c>, for <c>--pre-pack</c>).</summary>
    public IReadOnlyList<EmittedFile> Constraints { get; }

    /// <summary>The board.</summary>
    public FpgaBoard Board { get; }

    /// <summary>The UART's nominal baud rate.</summary>
    public int Baud { get; }

    /// <summary>Clock cycles per UART bit.</summary>
    public int BaudDivisor { get; }

    /// <summary>The host link's byte protocol.</summary>
    public HostLinkProtocol Protocol { get; }

    /// <summary>The top module, <c>lpu_fpga_top</c>.</summary>
    public string Top => Verilog.Top;

    /// <summary>The pin constraint file's name.</summary>
    public string PinFile => Constraints.First(f => f.Name.EndsWith(".pcf", StringComparison.Ordinal)).Name;

    /// <summary>The clock constraint file's name.</summary>
    public string ClockFile => Constraints.First(f => f.Name.EndsWith(".py", StringComparison.Ordinal)).Name;

    /// <summary>Writes the Verilog and the constraints into <paramref name="directory"/> atomically.</summary>
    public void WriteTo(string directory) => OutputFolder.Replace(directory, Verilog.Files.Concat(Constraints));
}
