using System.Diagnostics;
using Lpu.Hdl.Ir;
using Lpu.Hdl.Verilog;

namespace Lpu.Bench;

/// <summary>
/// <c>hdl-emit [rows] [cols]</c> (default 1000 x 1000): builds a systolic grid of small signed MAC cells
/// (activations flow east, partial sums flow south) with <c>Module.InstanceArray</c>, elaborates and emits
/// it, and writes the files to a temporary folder. Three runs in one process: the first includes JIT and
/// Handlebars template compilation (cold), the others do not (warm). Prints the time of each stage, the
/// output size and the peak working set.
/// </summary>
public static class HdlEmitBenchmark
{
    public static void Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var cols = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        Console.WriteLine($"hdl-emit: {rows} x {cols} = {(long)rows * cols:N0} cells, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        for (var run = 0; run < 3; run++)
        {
            Console.Write(run == 0 ? "cold: " : "warm: ");
            Once(rows, cols);
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MB, allocated {GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0):F1} MB");
    }

    private static void Once(int rows, int cols)
    {
        var total = Stopwatch.StartNew();
        var stage = Stopwatch.StartNew();
        var top = Grid(rows, cols);
        var build = stage.Elapsed;

        stage.Restart();
        var design = VerilogEmitter.Emit(top, new EmitOptions("bench", "bench"));
        var emit = stage.Elapsed;

        stage.Restart();
        var folder = Path.Combine(Path.GetTempPath(), $"lpu-hdl-emit-{Environment.ProcessId}");
        design.WriteTo(folder);
        var write = stage.Elapsed;
        total.Stop();

        var bytes = design.Files.Sum(f => (long)f.Text.Length);
        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"total {total.Elapsed.TotalMilliseconds:F1} ms (build {build.TotalMilliseconds:F1}, elaborate+emit {emit.TotalMilliseconds:F1}, "
            + $"write {write.TotalMilliseconds:F1}); {design.Modules.Count} module files, {bytes:N0} bytes of Verilog");
    }

    private static Module Grid(int rows, int cols)
    {
        var cell = new Module("mac_cell");
        var cd = cell.ClockDomain();
        var w = cell.Input("w", 8, signed: true);
        var aIn = cell.Input("a_in", 8, signed: true);
        var pIn = cell.Input("p_in", 24, signed: true);
        var aOut = cell.Output("a_out", 8, signed: true);
        var pOut = cell.Output("p_out", 24, signed: true);
        var a = cell.Reg("a", 8, cd, signed: true);
        var p = cell.Reg("p", 24, cd, signed: true);
        cell.Assign(a, aIn);
        cell.Assign(p, (pIn + (aIn * w).SignExtend(24)).Truncate(24));
        cell.Assign(aOut, a);
        cell.Assign(pOut, p);

        var m = new Module("mac_grid");
        var d = m.ClockDomain();
        var weight = m.Input("w", 8, signed: true);
        var west = m.Input("west", 8 * rows);
        var north = m.Input("north", 24 * cols);
        var east = m.Output("east", 8 * rows);
        var south = m.Output("south", 24 * cols);
        var h = m.NetArray("h", 8, [rows, cols + 1], signed: true);
        var v = m.NetArray("v", 24, [rows + 1, cols], signed: true);
        m.Unpack(west, h[Ix.I, 0]);
        m.Unpack(north, v[0, Ix.I]);
        m.InstanceArray(cell, "pe", [rows, cols])
            .Connect("clk", d.Clock)
            .Connect("rst_n", d.Reset!)
            .Connect("w", weight)
            .Connect("a_in", h[Ix.I, Ix.J])
            .Connect("p_in", v[Ix.I, Ix.J])
            .Connect("a_out", h[Ix.I, Ix.J + 1])
            .Connect("p_out", v[Ix.I + 1, Ix.J]);
        m.Pack(east, h[Ix.I, cols]);
        m.Pack(south, v[rows, Ix.I]);
        return m;
    }
}
