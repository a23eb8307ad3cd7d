using System.Globalization;
using Lpu.Architecture.Configuration;
using Lpu.Hdl;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Templates;
using Lpu.Hdl.Verilog;
using Lpu.Rtl.Top;

namespace Lpu.Rtl.Fpga;

/// <summary>
/// Generates <c>lpu_fpga_top</c> (docs/rtl.md "FPGA wrapper"): <c>lpu_top</c> driven through its host port
/// by a UART host link, reset by a power-on shift register, clocked straight from the board oscillator,
/// plus the board's pin and clock constraints. <c>lpu_top</c>'s <c>events</c> and <c>cycle</c> outputs are
/// left unconnected, so synthesis removes the trace logic.
/// </summary>
public static class FpgaGenerator
{
    /// <summary>Flip-flops of the power-on reset: the iCE40 clears every flip-flop at configuration, so
    /// <c>rst_n</c> stays low for this many cycles, then rises synchronously with the clock.</summary>
    public const int PowerOnResetCycles = 4;

    private static readonly int[] StandardBauds = [3_000_000, 2_000_000, 1_000_000, 921_600, 460_800, 230_400, 115_200, 57_600, 38_400, 19_200, 9_600];

    /// <summary>Builds and emits the wrapper of <paramref name="config"/>. The configuration's clock must be
    /// the board's oscillator (no PLL); an <see cref="ArgumentException"/> says so otherwise.</summary>
    public static FpgaDesign Generate(LpuConfig config, FpgaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        options ??= new FpgaOptions();
        var board = options.Board ?? FpgaBoard.Ice40Hx8kBreakout;
        if ((long)config.ClockMhz * 1_000_000 != board.ClockHz)
            throw new ArgumentException(
                $"the {board.Name} wrapper clocks lpu_top from the board's {board.ClockHz / 1e6:0.###} MHz oscillator, but the configuration's clock is {config.ClockMhz} MHz (set clockMhz to {board.ClockHz / 1e6:0.###})",
                nameof(config));
        var (baud, divisor) = ChooseBaud(board.ClockHz, options.Baud);
        var protocol = new HostLinkProtocol(config);

        var m = new Module("lpu_fpga_top");
        var d = m.ClockDomain("clk", reset: null);
        var uartRx = m.Input("uart_rx");
        var uartTx = m.Output("uart_tx");
        var led = m.Output("led", board.LedPins.Count);

        var por = m.Reg("por", PowerOnResetCycles, d);
        m.Assign(por, Hw.Concat(por[PowerOnResetCycles - 2, 0], Hw.Const(1, 1)));
        var rstN = m.Wire("rst_n");
        m.Assign(rstN, por[PowerOnResetCycles - 1]);

        // The link holds every command field in registers until the next command: lpu_top need not
        // register them again (the registers would take ~100 logic cells of an almost full HX8K).
        var top = new TopBuilder(config, new RtlOptions(RegisteredHostPort: false));
        var link = m.Instance(HostLinkGenerator.Create(protocol, divisor, top.HostReadLatency), "link");
        var lpu = m.Instance(top.Build(), "lpu");
        link.Connect("clk", d.Clock).Connect("rst_n", rstN).Connect("uart_rx", uartRx)
            .Connect("host_rdata", lpu.Output("host_rdata")).Connect("running", lpu.Output("running")).Connect("done", lpu.Output("done"));
        lpu.Connect("clk", d.Clock).Connect("rst_n", rstN)
            .Connect("host_valid", link.Output("host_valid")).Connect("host_op", link.Output("host_op"))
            .Connect("host_addr", link.Output("host_addr")).Connect("host_wdata", link.Output("host_wdata"));
        m.Assign(uartTx, link.Output("uart_tx"));
        var leds = link.Output("led");
        m.Assign(led, board.LedPins.Count == leds.Width ? leds : leds[board.LedPins.Count - 1, 0]);

        var hash = ConfigJson.Hash(config);
        var verilog = VerilogEmitter.Emit(m, new EmitOptions(RtlGenerator.Version, hash));
        var constraints = Constraints(board, verilog.Top, hash);
        return new FpgaDesign(verilog, constraints, board, baud, divisor, protocol);
    }

    /// <summary>The requested baud rate's divisor, or the fastest standard rate the clock divides to within
    /// 1% with at least 8 clocks per bit (the receiver samples mid-bit).</summary>
    public static (int Baud, int Divisor) ChooseBaud(int clockHz, int? baud)
    {
        foreach (var candidate in baud is { } b ? [b] : StandardBauds)
        {
            if (candidate <= 0)
                break;
            var divisor = (int)Math.Round((double)clockHz / candidate);
            var error = Math.Abs(((double)clockHz / divisor) - candidate) / candidate;
            if (divisor >= 8 && error <= 0.01)
                return (candidate, divisor);
        }

        throw new ArgumentException(baud is null
            ? $"no standard baud rate fits a {clockHz} Hz clock"
            : $"baud {baud} does not fit a {clockHz} Hz clock: it needs at least 8 clocks per bit and a rate within 1%", nameof(baud));
    }

    private static List<EmittedFile> Constraints(FpgaBoard board, string top, string hash)
    {
        var common = new Dictionary<string, object>
        {
            ["generator"] = "Lpu.Hardware",
            ["version"] = RtlGenerator.Version,
            ["configHash"] = hash,
            ["board"] = board.Name,
        };
        var pcf = top + ".pcf";
        var clocks = top + ".clocks.py";
        var pins = new Dictionary<string, object>(common)
        {
            ["file"] = pcf,
            ["clockPin"] = board.ClockPin,
            ["rxPin"] = board.RxPin,
            ["txPin"] = board.TxPin,
            ["leds"] = board.LedPins,
        };
        var clock = new Dictionary<string, object>(common)
        {
            ["file"] = clocks,
            ["clockMhz"] = (board.ClockHz / 1e6).ToString("0.######", CultureInfo.InvariantCulture),
        };
        return [new EmittedFile(pcf, TemplateLibrary.Render("fpga-pins.pcf.hbs", pins)), new EmittedFile(clocks, TemplateLibrary.Render("nextpnr-clocks.py.hbs", clock))];
    }
}
