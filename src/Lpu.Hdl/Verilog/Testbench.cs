using System.Globalization;
using System.Numerics;
using System.Text;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Templates;

namespace Lpu.Hdl.Verilog;

/// <summary>
/// A self-checking-free, vector-driven Verilog testbench (<c>sim/templates/testbench.v.hbs</c>) that runs
/// the same way in Icarus and in <c>verilator --binary</c>: each cycle applies one line of a hex vector file
/// to the inputs, raises the clock, and prints <c>k out0 out1 ...</c> (outputs in hex, port order).
/// </summary>
public static class Testbench
{
    /// <summary>The testbench text for <paramref name="top"/>; <paramref name="clock"/> (an input of the
    /// top, or null for combinational designs) is toggled by the testbench and is not part of the vectors.</summary>
    public static string Generate(Module top, string topName, int cycles, string vectorFile, string? clock = "clk",
        EmitOptions? options = null)
    {
        var inputs = VectorInputs(top, clock);
        var offset = 0;
        var inputModels = new List<object>();
        foreach (var port in Enumerable.Reverse(inputs))
        {
            inputModels.Insert(0, new { name = NameTable.Legalize(port.Name), range = Range(port.Width), msb = offset + port.Width - 1, lsb = offset });
            offset += port.Width;
        }

        var outputs = top.Ports.Where(p => p.Kind == SignalKind.Output)
            .Select(p => new { name = NameTable.Legalize(p.Name), range = Range(p.Width) }).ToArray();
        return TemplateLibrary.Render("testbench.v.hbs", new
        {
            tb = "tb_" + topName,
            top = topName,
            generator = options?.Generator ?? "Lpu.Hardware",
            version = options?.GeneratorVersion ?? "test",
            vectors = vectorFile,
            vectorMsb = Math.Max(offset, 1) - 1,
            lastCycle = cycles - 1,
            clock = clock is null ? null : NameTable.Legalize(clock),
            inputs = inputModels,
            outputs,
            ports = top.Ports.Select(p => new { name = NameTable.Legalize(p.Name) }).ToArray(),
        });
    }

    /// <summary>The vector file: one hex line per cycle, the inputs (except the clock) concatenated in port
    /// order, first port most significant. <paramref name="values"/>[k][i] is input i's value at cycle k
    /// (negative values are written in two's complement).</summary>
    public static string Vectors(Module top, IEnumerable<BigInteger[]> values, string? clock = "clk")
    {
        var inputs = VectorInputs(top, clock);
        var text = new StringBuilder();
        foreach (var cycle in values)
        {
            var word = BigInteger.Zero;
            for (var i = 0; i < inputs.Count; i++)
            {
                var mask = (BigInteger.One << inputs[i].Width) - 1;
                word = (word << inputs[i].Width) | (cycle[i] & mask);
            }

            text.AppendLine(word.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'));
        }

        return text.ToString();
    }

    /// <summary>The inputs a vector line carries, in order.</summary>
    public static IReadOnlyList<Signal> VectorInputs(Module top, string? clock = "clk") =>
        [.. top.Ports.Where(p => p.Kind == SignalKind.Input && p.Name != clock)];

    private static string Range(int width) => width > 1 ? $"[{width - 1}:0] " : string.Empty;
}
