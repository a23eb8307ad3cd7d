using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Fpga;

/// <summary>
/// Builds <c>lpu_host_link</c>: the UART receiver and transmitter, the command parser that turns frames
/// of <see cref="HostLinkProtocol"/> into one-cycle commands on <c>lpu_top</c>'s host port, the reply
/// shifter, and the board LEDs (docs/rtl.md "FPGA wrapper").
/// </summary>
internal static class HostLinkGenerator
{
    private const int GapWidth = 16;   // HostLinkProtocol.GapTimeoutCycles = 2^16
    private const int HeartbeatBit = 23;   // ~0.7 Hz blink at 12 MHz

    /// <summary>The link for <c>lpu_top</c>'s host port answering reads <paramref name="readLatency"/> cycles after the command.</summary>
    public static Module Create(HostLinkProtocol protocol, int divisor, int readLatency)
    {
        var hw = protocol.HostDataWidth;
        var m = new Module("lpu_host_link");
        var d = m.ClockDomain();
        var uartRx = m.Input("uart_rx");
        var hostRdata = m.Input("host_rdata", hw);
        var running = m.Input("running");
        var done = m.Input("done");
        var uartTx = m.Output("uart_tx");
        var hostValid = m.Output("host_valid");
        var hostOp = m.Output("host_op", 3);
        var hostAddr = m.Output("host_addr", 32);
        var hostWdata = m.Output("host_wdata", hw);
        var led = m.Output("led", 8);

        var rx = m.Instance(UartGenerator.CreateReceiver(divisor), "receiver");
        rx.Connect("clk", d.Clock).Connect("rst_n", d.Reset!).Connect("rx", uartRx);
        var got = rx.Output("valid");
        var rxByte = rx.Output("data");

        // Parser: command byte, then the payload counted down; address bytes first, then data bytes.
        var countWidth = BitsFor(protocol.MaxPayloadBytes);
        var active = m.Reg("in_frame", 1, d);
        var command = m.Reg("command", 4, d);
        var remaining = m.Reg("remaining", countWidth, d);
        var gap = m.Reg("gap", GapWidth, d);
        var address = m.Reg("address", 32, d);
        var data = m.Reg("data", hw, d);
        var issue = m.Reg("issue", 1, d);

        var byteCommand = rxByte[3, 0];
        var isCommand = rxByte[7, 4].Eq(HostLinkProtocol.CommandPrefix >> 4) & byteCommand.Ne(0) & (byteCommand <= (int)HostLinkCommand.Status);
        var payload = m.Wire("payload_bytes", countWidth);
        var dataBytes = m.Wire("data_bytes", countWidth);
        foreach (var c in Enum.GetValues<HostLinkCommand>())
        {
            var length = protocol.PayloadBytes(c);
            m.When(byteCommand.Eq((int)c), () => m.Assign(payload, length));
            m.When(command.Eq((int)c), () => m.Assign(dataBytes, Math.Max(0, length - HostLinkProtocol.AddressBytes)));
        }

        var statusNow = m.Wire("status_request");
        m.Assign(issue, 0);
        m.When(!active, () => m.When(got & isCommand, () =>
        {
            m.Assign(command, byteCommand);
            m.Assign(address, 0);
            m.Assign(data, 0);
            m.Assign(gap, 0);
            m.When(payload.Eq(0), () => m.Assign(issue, byteCommand.Ne((int)HostLinkCommand.Status)))
             .Otherwise(() =>
             {
                 m.Assign(active, 1);
                 m.Assign(remaining, payload);
             });
        }))
        .ElseWhen(got, () =>
        {
            m.Assign(gap, 0);
            m.When(remaining > dataBytes, () => m.Assign(address, Hw.Concat(address[23, 0], rxByte)))
             .Otherwise(() => m.Assign(data, hw > 8 ? Hw.Concat(data[hw - 9, 0], rxByte) : rxByte.Truncate(hw)));
            m.Assign(remaining, (remaining - 1).Truncate(countWidth));
            m.When(remaining.Eq(1), () =>
            {
                m.Assign(active, 0);
                m.Assign(issue, 1);
            });
        })
        .ElseWhen(gap.Eq((1L << GapWidth) - 1), () => m.Assign(active, 0))   // frame abandoned: drop it
        .Otherwise(() => m.Assign(gap, (gap + 1).Truncate(GapWidth)));
        m.Assign(statusNow, !active & got & isCommand & byteCommand.Eq((int)HostLinkCommand.Status));

        m.Assign(hostValid, issue);
        m.Assign(hostOp, command[2, 0]);
        m.Assign(hostAddr, address);
        m.Assign(hostWdata, data);

        BuildReplies(m, d, protocol, divisor, readLatency, issue, command, statusNow, hostRdata, running, done, uartTx);
        BuildLeds(m, d, active, running, done, led);
        return m;
    }

    /// <summary>Reads are answered <paramref name="readLatency"/> cycles after the command; the reply is shifted
    /// out most significant byte first.</summary>
    private static void BuildReplies(Module m, ClockDomain d, HostLinkProtocol protocol, int divisor, int readLatency, Expr issue, Expr command,
        Expr statusNow, Expr hostRdata, Expr running, Expr done, Signal uartTx)
    {
        var hw = protocol.HostDataWidth;
        var replyBits = 8 * protocol.MaxReplyBytes;
        var leftWidth = BitsFor(protocol.MaxReplyBytes);
        // A read's command travels down a chain as long as the host port's read latency.
        var isRead = command.Eq((int)HostLinkCommand.ReadSramRaw) | command.Eq((int)HostLinkCommand.ReadCounter);
        Expr answered = issue & isRead;
        Expr answeredCounter = command.Eq((int)HostLinkCommand.ReadCounter);
        for (var stage = 1; stage <= readLatency; stage++)
        {
            var read = m.Reg($"read_wait{stage}", 1, d);
            var counter = m.Reg($"read_counter{stage}", 1, d);
            m.Assign(read, answered);
            m.Assign(counter, answeredCounter);
            answered = read;
            answeredCounter = counter;
        }

        var tx = m.Instance(UartGenerator.CreateTransmitter(divisor), "transmitter");
        var ready = tx.Output("ready");
        var reply = m.Reg("reply", replyBits, d);
        var left = m.Reg("reply_left", leftWidth, d);
        var send = m.Wire("send");
        m.Assign(send, left.Ne(0) & ready);

        Expr Reply(HostLinkCommand c, Expr body) =>
            Fit(Hw.Concat(Hw.Const(HostLinkProtocol.ReplyPrefix | (int)c, 8), body), replyBits);
        var rawBits = 8 * protocol.RawWordBytes;
        var raw = rawBits <= hw ? hostRdata[rawBits - 1, 0] : hostRdata.ZeroExtend(rawBits);
        var counterValue = hostRdata[(8 * HostLinkProtocol.CounterBytes) - 1, 0];

        m.When(send, () =>
        {
            m.Assign(reply, reply << 8);
            m.Assign(left, (left - 1).Truncate(leftWidth));
        });
        m.When(statusNow, () =>
        {
            m.Assign(reply, Reply(HostLinkCommand.Status, Hw.Concat(Hw.Const(0, 6), done, running)));
            m.Assign(left, protocol.ReplyBytes(HostLinkCommand.Status));
        }).ElseWhen(answered & answeredCounter, () =>
        {
            m.Assign(reply, Reply(HostLinkCommand.ReadCounter, counterValue));
            m.Assign(left, protocol.ReplyBytes(HostLinkCommand.ReadCounter));
        }).ElseWhen(answered, () =>
        {
            m.Assign(reply, Reply(HostLinkCommand.ReadSramRaw, raw));
            m.Assign(left, protocol.ReplyBytes(HostLinkCommand.ReadSramRaw));
        });

        tx.Connect("clk", d.Clock).Connect("rst_n", d.Reset!).Connect("send", send).Connect("data", reply[replyBits - 1, replyBits - 8]);
        m.Assign(uartTx, tx.Output("tx"));
    }

    /// <summary>LED 0 running, 1 done, 2 a frame in progress, 7 a heartbeat (the clock runs); the rest off.</summary>
    private static void BuildLeds(Module m, ClockDomain d, Expr active, Expr running, Expr done, Signal led)
    {
        var beat = m.Reg("heartbeat", HeartbeatBit + 1, d);
        m.Assign(beat, (beat + 1).Truncate(HeartbeatBit + 1));
        m.Assign(led, Hw.Concat(beat[HeartbeatBit], Hw.Const(0, 4), active, done, running));
    }

    /// <summary>Left-aligns <paramref name="value"/> in <paramref name="width"/> bits.</summary>
    private static Expr Fit(Expr value, int width) =>
        value.Width == width ? value : Hw.Concat(value, Hw.Const(0, width - value.Width));

    private static int BitsFor(int maxValue) => Math.Max(1, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue));
}
