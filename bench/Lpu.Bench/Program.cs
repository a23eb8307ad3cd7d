// Benchmarks are timed CLI runs, not unit tests: each scenario prints what it measured.
// Run: dotnet run -c Release --project bench/Lpu.Bench -- <scenario>
// Results, with the machine and the command, go to docs/performance.md.
var scenarios = new SortedDictionary<string, Action<string[]>>(StringComparer.Ordinal)
{
    // One line per scenario: ["name"] = Class.Run,
    ["tensor-gemm"] = Lpu.Bench.TensorBenchmark.Run,
    ["hdl-emit"] = Lpu.Bench.HdlEmitBenchmark.Run,
    ["model"] = Lpu.Bench.ModelBenchmark.Run,
    ["verilator-tick"] = Lpu.Bench.VerilatorBenchmark.Run,
    ["gemm-model"] = Lpu.Bench.GemmModelBenchmark.Run,
    ["cosim"] = Lpu.Bench.CosimBenchmark.Run,
    ["rtl-tick"] = Lpu.Bench.RtlTickBenchmark.Run,
};

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Lpu.Bench <{string.Join('|', scenarios.Keys)}> [options]");
    return 2;
}

try
{
    run(args[1..]);
    return 0;
}
catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or Lpu.Cosim.Verilator.VerilatorBuildException)
{
    // A bad option of a scenario, or --rtl that is missing, has other ports or does not build:
    // one line, not a stack trace.
    Console.Error.WriteLine($"{args[0]}: {e.Message}");
    return 2;
}
