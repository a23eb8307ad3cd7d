using Lpu.Cosim.Verilator;

namespace Lpu.Rtl.Tests.Verilator;

/// <summary>
/// The two fixture designs, built once for all Verilator tests (each cold build costs seconds):
/// the counter with tracing compiled in, the accumulator without.
/// </summary>
public sealed class VerilatorModels
{
    public VerilatorModels()
    {
        CounterDesign = new VerilatorDesign(
            [VerilatorSource.FromFile(FixtureFiles.PathOf("counter.v"))],
            "counter",
            [
                VerilatorPort.Input("clk"),
                VerilatorPort.Input("rst"),
                VerilatorPort.Input("enable"),
                VerilatorPort.Input("wide_in", 100),
                VerilatorPort.Output("count_q", 16),
                VerilatorPort.Output("wide_q", 100),
            ],
            "clk",
            new VerilatorOptions { Trace = true, TraceDepth = 2 });
        AccumulatorDesign = new VerilatorDesign(
            [VerilatorSource.FromFile(FixtureFiles.PathOf("accumulator.v"))],
            "accumulator",
            [
                VerilatorPort.Input("clk"),
                VerilatorPort.Input("rst"),
                VerilatorPort.Input("add_value", 32),
                VerilatorPort.Input("trip"),
                VerilatorPort.Input("done"),
                VerilatorPort.Output("acc_q", 48),
            ],
            "clk");
        Counter = VerilatorBuild.Build(CounterDesign);
        Accumulator = VerilatorBuild.Build(AccumulatorDesign);
    }

    public VerilatorDesign CounterDesign { get; }

    public VerilatorDesign AccumulatorDesign { get; }

    public VerilatorBuildResult Counter { get; }

    public VerilatorBuildResult Accumulator { get; }
}
