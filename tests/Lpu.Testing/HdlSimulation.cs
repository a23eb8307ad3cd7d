using System.Numerics;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Verilog;

namespace Lpu.Testing;

/// <summary>Runs an emitted design with the vector testbench (<see cref="Testbench"/>) in Icarus and in
/// Verilator and returns each simulator's printed lines (<c>k out0 out1 ...</c>).</summary>
public static class HdlSimulation
{
    public static (IReadOnlyList<string> Icarus, IReadOnlyList<string> Verilator) RunBoth(
        EmittedDesign design, Module top, IReadOnlyList<BigInteger[]> vectors, string? clock = "clk")
    {
        using var dir = new TempDir("hdl-sim");
        var files = HdlToolchain.Write(design, dir).ToList();
        var tb = "tb_" + design.Top;
        dir.Write(tb + ".v", Testbench.Generate(top, design.Top, vectors.Count, "vectors.hex", clock));
        dir.Write("vectors.hex", Testbench.Vectors(top, vectors, clock));
        files.Add(tb + ".v");
        var icarus = Tools.IcarusRun(dir.Path, files, tb).Output;
        var verilator = Tools.VerilatorRun(dir.Path, files, tb).Output;
        return (Lines(icarus), Lines(verilator));
    }

    /// <summary>Asserts that <paramref name="actual"/> has one line per expected line and that they match,
    /// where an expected field "?" matches anything (e.g. RAM data before the first write).</summary>
    public static void AssertMatches(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string simulator)
    {
        if (expected.Count != actual.Count)
        {
            throw new ToolFailedException($"{simulator}: expected {expected.Count} lines, got {actual.Count}:\n{string.Join('\n', actual)}");
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i].Split(' ');
            var a = actual[i].Split(' ');
            if (e.Length != a.Length || e.Where((field, f) => field != "?" && field != a[f]).Any())
            {
                throw new ToolFailedException($"{simulator}: line {i} is '{actual[i]}', expected '{expected[i]}'");
            }
        }
    }

    /// <summary>A value as the testbench prints it: <c>%h</c>, ceil(width/4) hex digits.</summary>
    public static string Hex(BigInteger value, int width)
    {
        var masked = value & ((BigInteger.One << width) - 1);
        var digits = (width + 3) / 4;
        return masked.ToString("x", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0').PadLeft(digits, '0');
    }

    private static List<string> Lines(string output) =>
        [.. output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && char.IsAsciiDigit(l[0]))];
}
