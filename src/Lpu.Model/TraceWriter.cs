using Lpu.Architecture.Isa;
using Lpu.Model.Numerics;

namespace Lpu.Model;

/// <summary>
/// Writes events as the text trace of architecture.md §10, one line each, in event order:
/// <c>&lt;cycle&gt; S &lt;pos&gt; &lt;e|w&gt;&lt;s&gt; &lt;superlane&gt; &lt;hex&gt;</c>, <c>M</c>, <c>E</c>, <c>I</c>.
/// Hex is lower case, two digits per byte, lane order, no separators.
/// </summary>
public sealed class TraceWriter(TextWriter output)
{
    private readonly char[] hex = new char[2048];

    /// <summary>The trace lines (without newlines) of <paramref name="events"/>, in trace order: for comparing one cycle.</summary>
    public static IReadOnlyList<string> Lines(CycleEvents events)
    {
        using var text = new StringWriter();
        new TraceWriter(text).Write(events);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Writes every event of <paramref name="events"/>.</summary>
    public void Write(CycleEvents events)
    {
        var cycle = events.Cycle;
        foreach (ref readonly var e in events.Streams)
        {
            output.Write($"{cycle} S {e.Position} {(e.Direction == Direction.East ? 'e' : 'w')}{e.Stream} {e.Superlane} ");
            WriteHex(events.Data(in e));
        }

        foreach (ref readonly var e in events.SramWrites)
        {
            output.Write($"{cycle} M {e.Slice} {e.Superlane} {e.Address} ");
            WriteHex(events.Data(in e));
        }

        foreach (ref readonly var e in events.Ecc)
            output.Write($"{cycle} E {e.Slice} {e.Superlane} {e.Address} {(e.Status == EccStatus.Corrected ? 'C' : 'U')}\n");
        foreach (ref readonly var e in events.Issues)
            output.Write($"{cycle} I {e.Queue} {e.Word:x16}\n");
    }

    private void WriteHex(ReadOnlySpan<byte> bytes)
    {
        const string digits = "0123456789abcdef";
        var length = Math.Min(bytes.Length, (hex.Length / 2) - 1);
        for (var i = 0; i < length; i++)
        {
            hex[2 * i] = digits[bytes[i] >> 4];
            hex[(2 * i) + 1] = digits[bytes[i] & 15];
        }

        hex[2 * length] = '\n';
        output.Write(hex, 0, (2 * length) + 1);
    }
}
