using System.Numerics;
using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;
using Lpu.Testing;

namespace Lpu.Hdl.Tests.Simulation;

/// <summary>Designs with state, simulated in Icarus and Verilator against values computed here by plain C#.</summary>
public class SimulationTests
{
    [Fact]
    public void Mac_accumulates_signed_products_in_both_simulators()
    {
        var top = Examples.Mac();
        var design = VerilogEmitter.Emit(top, Examples.Options);
        var random = new Random(7);
        var vectors = new List<BigInteger[]>();
        var expected = new List<string>();
        long acc = 0;
        for (var k = 0; k < 60; k++)
        {
            // Inputs in port order without clk: rst_n, a, b, en, clear.
            var rstN = k < 2 ? 0 : 1;
            var a = random.Next(-128, 128);
            var b = random.Next(-128, 128);
            var en = random.Next(4) == 0 ? 0 : 1;
            var clear = random.Next(8) == 0 ? 1 : 0;
            vectors.Add([rstN, a, b, en, clear]);
            if (rstN == 0)
            {
                acc = 0;
            }
            else if (en == 1)
            {
                acc = (int)(clear == 1 ? a * b : acc + (a * b));
            }

            expected.Add($"{k} {HdlSimulation.Hex(acc, 32)}");
        }

        var (icarus, verilator) = HdlSimulation.RunBoth(design, top, vectors);
        HdlSimulation.AssertMatches(expected, icarus, "icarus");
        HdlSimulation.AssertMatches(expected, verilator, "verilator");
    }

    [Fact]
    public void Fifo_keeps_order_and_flags_in_both_simulators()
    {
        const int depth = 4;
        var top = Examples.Fifo(8, depth);
        var design = VerilogEmitter.Emit(top, Examples.Options);
        var random = new Random(11);
        var vectors = new List<BigInteger[]>();
        var expected = new List<string>();
        var queue = new Queue<int>();
        string dout = "?";
        for (var k = 0; k < 80; k++)
        {
            // Inputs without clk: rst_n, push, pop, din. Bursts of pushes, then of pops, to reach full and empty.
            var rstN = k < 1 ? 0 : 1;
            var phase = k / 10 % 2 == 0;
            var push = random.Next(10) < (phase ? 8 : 2) ? 1 : 0;
            var pop = random.Next(10) < (phase ? 2 : 8) ? 1 : 0;
            var din = random.Next(256);
            vectors.Add([rstN, push, pop, din]);
            if (rstN == 0)
            {
                queue.Clear();
            }
            else
            {
                var full = queue.Count == depth;
                var empty = queue.Count == 0;
                if (pop == 1 && !empty)
                {
                    dout = HdlSimulation.Hex(queue.Dequeue(), 8);
                }

                if (push == 1 && !full)
                {
                    queue.Enqueue(din);
                }
            }

            // Outputs in port order: dout, full, empty.
            expected.Add($"{k} {dout} {(queue.Count == depth ? 1 : 0)} {(queue.Count == 0 ? 1 : 0)}");
        }

        Assert.Contains(expected, l => l.EndsWith(" 1 0", StringComparison.Ordinal));
        var (icarus, verilator) = HdlSimulation.RunBoth(design, top, vectors);
        HdlSimulation.AssertMatches(expected, icarus, "icarus");
        HdlSimulation.AssertMatches(expected, verilator, "verilator");
    }
}
