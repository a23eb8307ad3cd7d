using System.Globalization;
using System.Text;
using Lpu.Hdl.Templates;

namespace Lpu.Rtl.Fpga;

/// <summary>
/// What the UART testbench (<c>sim/templates/uart-testbench.v.hbs</c>) does as the host of
/// <c>lpu_fpga_top</c>: bytes to send, replies to wait for (printed as <c>rx xx</c>), and STATUS polls
/// until the program is done. <see cref="Testbench"/> renders the testbench that plays it.
/// </summary>
public sealed class UartScript
{
    private readonly List<int> entries = [];

    /// <summary>Script entries so far.</summary>
    public int Count => entries.Count;

    /// <summary>Reply bytes the script waits for, in order.</summary>
    public int ExpectedBytes { get; private set; }

    /// <summary>Sends <paramref name="bytes"/>.</summary>
    public UartScript Send(IEnumerable<byte> bytes)
    {
        entries.AddRange(bytes.Select(b => (int)b));
        return this;
    }

    /// <summary>Waits for <paramref name="count"/> reply bytes (1..255) and prints them.</summary>
    public UartScript Expect(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 255);
        entries.Add(0x100 | count);
        ExpectedBytes += count;
        return this;
    }

    /// <summary>Sends a command and waits for its reply.</summary>
    public UartScript Request(byte[] command, int replyBytes) => Send(command).Expect(replyBytes);

    /// <summary>Polls STATUS until <c>done</c> is set.</summary>
    public UartScript WaitDone()
    {
        entries.Add(0x200);
        return this;
    }

    /// <summary>The script file: one 16-bit hex entry per line.</summary>
    public string ToHex()
    {
        var text = new StringBuilder();
        foreach (var e in entries)
            text.Append(e.ToString("x4", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    /// <summary>The testbench module <c>lpu_fpga_tb</c> playing this script (file <paramref name="scriptFile"/>)
    /// against <paramref name="design"/>; it gives up after <paramref name="maxCycles"/> clock cycles.</summary>
    public string Testbench(FpgaDesign design, string scriptFile, long maxCycles)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (entries.Count == 0)
            throw new InvalidOperationException("the UART script is empty");
        return TemplateLibrary.Render("uart-testbench.v.hbs", new Dictionary<string, object>
        {
            ["tb"] = "lpu_fpga_tb",
            ["top"] = design.Top,
            ["generator"] = "Lpu.Hardware",
            ["version"] = RtlGenerator.Version,
            ["divisor"] = design.BaudDivisor,
            ["script"] = scriptFile,
            ["scriptLength"] = entries.Count,
            ["maxCycles"] = maxCycles,
            ["ledMsb"] = design.Board.LedPins.Count - 1,
            ["porRegister"] = "dut.por_q",
            ["statusCommand"] = (HostLinkProtocol.CommandPrefix | (int)HostLinkCommand.Status).ToString("x2", CultureInfo.InvariantCulture),
            ["statusReply"] = (HostLinkProtocol.ReplyPrefix | (int)HostLinkCommand.Status).ToString("x2", CultureInfo.InvariantCulture),
        });
    }
}
