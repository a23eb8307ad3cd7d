using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Fpga;

/// <summary>
/// 8N1 UART receiver (<c>lpu_uart_rx</c>) and transmitter (<c>lpu_uart_tx</c>) with a fixed bit time of
/// <c>divisor</c> clock cycles (docs/rtl.md "FPGA wrapper").
/// </summary>
internal static class UartGenerator
{
    /// <summary>The receiver: <c>rx</c> is synchronised by two flip-flops, each bit sampled in its middle;
    /// <c>valid</c> pulses for one cycle with <c>data</c> when a byte with a good stop bit arrived.</summary>
    public static Module CreateReceiver(int divisor)
    {
        var m = new Module("lpu_uart_rx");
        var d = m.ClockDomain();
        var rx = m.Input("rx");
        var valid = m.Output("valid");
        var data = m.Output("data", 8);
        var width = TimerWidth(divisor);

        // The line idles high: reset the synchroniser to 1 so no start bit is seen after reset.
        var meta = m.Reg("rx_meta", 1, d, resetValue: 1);
        var line = m.Reg("rx_sync", 1, d, resetValue: 1);
        m.Assign(meta, rx);
        m.Assign(line, meta);

        var busy = m.Reg("busy", 1, d);
        var timer = m.Reg("timer", width, d);
        var bit = m.Reg("bit_index", 4, d);
        var shift = m.Reg("shift", 8, d);
        var received = m.Reg("received", 1, d);
        m.Assign(received, 0);
        m.When(!busy, () => m.When(!line, () =>
        {
            // Falling edge of the start bit: wait half a bit, then sample every bit time.
            m.Assign(busy, 1);
            m.Assign(timer, (divisor / 2) - 1);
            m.Assign(bit, 0);
        }))
        .ElseWhen(timer.Ne(0), () => m.Assign(timer, (timer - 1).Truncate(width)))
        .ElseWhen(bit.Eq(0), () => m.When(line, () => m.Assign(busy, 0)).Otherwise(() =>
        {
            m.Assign(timer, divisor - 1);
            m.Assign(bit, 1);
        }))
        .ElseWhen(bit.Eq(9), () =>
        {
            m.Assign(busy, 0);
            m.Assign(received, line);   // a missing stop bit drops the byte
        })
        .Otherwise(() =>
        {
            m.Assign(shift, Hw.Concat(line, shift[7, 1]));   // least significant bit first
            m.Assign(timer, divisor - 1);
            m.Assign(bit, (bit + 1).Truncate(4));
        });
        m.Assign(valid, received);
        m.Assign(data, shift);
        return m;
    }

    /// <summary>The transmitter: <c>send</c> while <c>ready</c> starts a frame of start bit, 8 data bits
    /// (least significant first) and stop bit; <c>ready</c> is high again after the stop bit.</summary>
    public static Module CreateTransmitter(int divisor)
    {
        var m = new Module("lpu_uart_tx");
        var d = m.ClockDomain();
        var send = m.Input("send");
        var data = m.Input("data", 8);
        var tx = m.Output("tx");
        var ready = m.Output("ready");
        var width = TimerWidth(divisor);

        var frame = m.Reg("frame", 10, d, resetValue: 0x3FF);
        var left = m.Reg("bits_left", 4, d);
        var timer = m.Reg("timer", width, d);
        m.When(left.Eq(0), () => m.When(send, () =>
        {
            m.Assign(frame, Hw.Concat(Hw.Const(1, 1), data, Hw.Const(0, 1)));
            m.Assign(left, 10);
            m.Assign(timer, divisor - 1);
        }))
        .ElseWhen(timer.Ne(0), () => m.Assign(timer, (timer - 1).Truncate(width)))
        .Otherwise(() =>
        {
            m.Assign(frame, Hw.Concat(Hw.Const(1, 1), frame[9, 1]));   // shifts in the idle level
            m.Assign(left, (left - 1).Truncate(4));
            m.Assign(timer, divisor - 1);
        });
        m.Assign(ready, left.Eq(0));
        m.Assign(tx, frame[0]);
        return m;
    }

    private static int TimerWidth(int divisor) => Math.Max(1, (int)Math.Ceiling(Math.Log2(divisor)));
}
