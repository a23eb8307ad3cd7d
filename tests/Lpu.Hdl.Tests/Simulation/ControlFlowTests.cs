using System.Numerics;
using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;
using Lpu.Testing;

namespace Lpu.Hdl.Tests.Simulation;

public class ControlFlowTests
{
    [Fact]
    public void Switch_when_defaults_and_last_assignment_wins_in_both_simulators()
    {
        var top = Examples.Control();
        var design = VerilogEmitter.Emit(top, Examples.Options);
        Snapshot.Match(design["ctrl"], "ctrl");
        HdlToolchain.CheckAll(design);

        var random = new Random(17);
        var vectors = new List<BigInteger[]>();
        var expected = new List<string>();
        var acc = 0;
        for (var k = 0; k < 80; k++)
        {
            // Inputs without clk, in port order: rst, op, x, y, go.
            var rst = k is 0 or 40 ? 1 : 0;
            var op = random.Next(4);
            var x = random.Next(256);
            var y = random.Next(3) == 0 ? x : random.Next(256);
            var go = random.Next(2);
            vectors.Add([rst, op, x, y, go]);

            var r = op switch
            {
                0 => (x + y) & 255,
                1 => (x - y) & 255,
                2 => x & y,
                _ => 0x55,
            };
            var flag = x > y ? 1 : x == y ? go : 0;
            if (rst == 1)
            {
                acc = 7;
            }
            else if (go == 1)
            {
                acc = op == 3 ? 0 : (acc + r) & 255;
            }

            expected.Add($"{k} {HdlSimulation.Hex(r, 8)} {flag} {HdlSimulation.Hex(acc, 8)}");
        }

        var (icarus, verilator) = HdlSimulation.RunBoth(design, top, vectors);
        HdlSimulation.AssertMatches(expected, icarus, "icarus");
        HdlSimulation.AssertMatches(expected, verilator, "verilator");
    }
}
