using System.Numerics;
using System.Text.RegularExpressions;
using Lpu.Cosim.Verilator;

namespace Lpu.Rtl.Tests.Verilator;

[Collection(SharedVerilatorModels.Name)]
public sealed class VerilatorSimulationTests(VerilatorModels models)
{
    private static readonly BigInteger Mask100 = (BigInteger.One << 100) - 1;

    [Fact]
    public void Counter_counts_only_the_enabled_cycles_and_wraps()
    {
        using var sim = models.Counter.CreateSimulation();
        int rst = sim.PortIndex("rst"), enable = sim.PortIndex("enable"), count = sim.PortIndex("count_q");
        sim.SetInput(rst, 1);
        sim.Tick();
        sim.SetInput(rst, 0);
        var random = new Random(7);
        var expected = 0;
        for (var cycle = 0; cycle < 70_000; cycle++)
        {
            var on = random.Next(4) != 0;
            sim.SetInput(enable, on ? 1UL : 0UL);
            sim.Tick();
            expected = on ? (expected + 1) & 0xFFFF : expected;
            if (cycle % 997 == 0 || cycle > 69_990)
            {
                Assert.Equal((ulong)expected, sim.GetOutput(count));
            }
        }

        Assert.Equal(70_001UL, sim.Cycle);
        Assert.True(expected < 70_000 * 3 / 4, "the count must have wrapped past 0xFFFF at least once");
    }

    [Fact]
    public void Tick_of_n_cycles_is_n_single_ticks()
    {
        using var batched = models.Counter.CreateSimulation();
        using var single = models.Counter.CreateSimulation();
        foreach (var sim in new[] { batched, single })
        {
            sim.SetInput(sim.PortIndex("rst"), 1);
            sim.Tick();
            sim.SetInput(sim.PortIndex("rst"), 0);
            sim.SetInput(sim.PortIndex("enable"), 1);
        }

        batched.Tick(1234);
        for (var i = 0; i < 1234; i++)
        {
            single.Tick();
        }

        Assert.Equal(1235UL, batched.Cycle);
        Assert.Equal(1234UL, batched.GetOutput(batched.PortIndex("count_q")));
        Assert.Equal(1234UL, single.GetOutput(single.PortIndex("count_q")));
    }

    [Fact]
    public void Port_of_100_bits_round_trips_through_32_bit_words()
    {
        using var sim = models.Counter.CreateSimulation();
        int wideIn = sim.PortIndex("wide_in"), wideOut = sim.PortIndex("wide_q");
        var random = new Random(11);
        var values = new List<BigInteger> { 0, Mask100, (BigInteger.One << 64) - 1, (BigInteger.One << 32) - 1, BigInteger.One << 99 };
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[13];
            random.NextBytes(bytes);
            values.Add(new BigInteger(bytes, isUnsigned: true) & Mask100);
        }

        Span<uint> words = stackalloc uint[4];
        foreach (var value in values)
        {
            sim.SetInput(wideIn, ToWords(value));
            sim.Tick();

            sim.GetOutput(wideIn, words);
            Assert.Equal(value, FromWords(words));
            sim.GetOutput(wideOut, words);
            Assert.Equal((value + 1) & Mask100, FromWords(words));
        }
    }

    [Fact]
    public void Batch_reads_narrow_and_wide_ports_in_one_call()
    {
        using var sim = models.Counter.CreateSimulation();
        var batch = sim.CreateBatch("count_q", "wide_q", "enable");
        sim.SetInput(sim.PortIndex("rst"), 1);
        sim.Tick();
        sim.SetInput(sim.PortIndex("rst"), 0);
        sim.SetInput(sim.PortIndex("enable"), 1);
        var value = (BigInteger.One << 70) + 12345;
        sim.SetInput(sim.PortIndex("wide_in"), ToWords(value));
        sim.Tick(5);

        sim.Read(batch);

        Assert.Equal(3, batch.Count);
        Assert.Equal(5UL, batch[0]);
        Assert.Equal(value + 1, FromWords(batch.Words(1)));
        Assert.Equal(1UL, batch[2]);
        Assert.Throws<InvalidOperationException>(() => batch[1]);
    }

    [Fact]
    public void Bad_port_accesses_are_errors_naming_the_port()
    {
        using var sim = models.Counter.CreateSimulation();

        var tooWide = Assert.Throws<ArgumentOutOfRangeException>(() => sim.SetInput(sim.PortIndex("enable"), 2));
        var output = Assert.Throws<ArgumentException>(() => sim.SetInput(sim.PortIndex("count_q"), 1));
        var wideAsNarrow = Assert.Throws<ArgumentException>(() => sim.GetOutput(sim.PortIndex("wide_q")));
        var topBits = Assert.Throws<ArgumentOutOfRangeException>(() => sim.SetInput(sim.PortIndex("wide_in"), [0, 0, 0, 0x10]));
        var unknown = Assert.Throws<ArgumentException>(() => sim.PortIndex("nope"));
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => sim.GetOutput(6));

        Assert.Contains("'enable' (1 bits)", tooWide.Message, StringComparison.Ordinal);
        Assert.StartsWith("port 'count_q' of 'counter' is an output", output.Message, StringComparison.Ordinal);
        Assert.StartsWith("port 'wide_q' of 'counter' is 100 bits wide", wideAsNarrow.Message, StringComparison.Ordinal);
        Assert.Contains("'wide_in' (100 bits)", topBits.Message, StringComparison.Ordinal);
        Assert.StartsWith("module 'counter' has no port 'nope'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("not 6", outOfRange.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_instance_refuses_further_calls()
    {
        var sim = models.Counter.CreateSimulation();
        sim.Tick();
        sim.Dispose();
        sim.Dispose();

        Assert.Throws<ObjectDisposedException>(() => sim.Tick());
        Assert.Throws<ObjectDisposedException>(() => sim.GetOutput(sim.PortIndex("count_q")));
    }

    [Fact]
    public void Accumulator_sums_modulo_2_to_the_48()
    {
        using var sim = models.Accumulator.CreateSimulation();
        int rst = sim.PortIndex("rst"), add = sim.PortIndex("add_value"), acc = sim.PortIndex("acc_q");
        sim.SetInput(rst, 1);
        sim.Tick();
        sim.SetInput(rst, 0);
        var random = new Random(3);
        ulong expected = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var value = (ulong)random.NextInt64(0, 1L << 32);
            sim.SetInput(add, value);
            sim.Tick();
            expected = (expected + value) & ((1UL << 48) - 1);
        }

        Assert.Equal(expected, sim.GetOutput(acc));
        Assert.True(expected < 100_000UL * 0xFFFF_FFFF, "a sum this long must have wrapped at 48 bits");
    }

    [Fact]
    public void Fatal_comes_back_as_an_error_and_the_process_lives_on()
    {
        using var sim = models.Accumulator.CreateSimulation();
        int rst = sim.PortIndex("rst"), add = sim.PortIndex("add_value"), trip = sim.PortIndex("trip");
        sim.SetInput(rst, 1);
        sim.Tick();
        sim.SetInput(rst, 0);
        sim.SetInput(add, 5);
        sim.Tick(4);
        sim.SetInput(trip, 1);

        var error = Assert.Throws<VerilatorSimulationException>(() => sim.Tick(10));

        Assert.Equal(SimulationStatus.Stopped, error.Status);
        Assert.Equal(6UL, error.Cycle);
        Assert.Contains("accumulator.v:", error.Message, StringComparison.Ordinal);
        Assert.Contains("accumulator tripped at 20", error.Message, StringComparison.Ordinal);
        Assert.Equal(SimulationStatus.Stopped, sim.Status);
        Assert.Contains("tripped", sim.ErrorMessage, StringComparison.Ordinal);
        Assert.Throws<VerilatorSimulationException>(() => sim.Tick());

        using var fresh = models.Accumulator.CreateSimulation();
        fresh.Tick();
        Assert.Equal(SimulationStatus.Running, fresh.Status);
        Assert.Null(fresh.ErrorMessage);
    }

    [Fact]
    public void Finish_ends_the_simulation_with_its_own_status()
    {
        using var sim = models.Accumulator.CreateSimulation();
        sim.Tick(3);
        sim.SetInput(sim.PortIndex("done"), 1);

        var error = Assert.Throws<VerilatorSimulationException>(() => sim.Tick(5));

        Assert.Equal(SimulationStatus.Finished, error.Status);
        Assert.Equal(4UL, sim.Cycle);
        Assert.Contains("accumulator.v:", error.Message, StringComparison.Ordinal);
        Assert.Contains("$finish", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_designs_and_two_instances_run_side_by_side_in_one_process()
    {
        using var counterA = models.Counter.CreateSimulation();
        using var counterB = models.Counter.CreateSimulation();
        using var accumulator = models.Accumulator.CreateSimulation();
        foreach (var sim in new[] { counterA, counterB, accumulator })
        {
            sim.SetInput(sim.PortIndex("rst"), 1);
            sim.Tick();
            sim.SetInput(sim.PortIndex("rst"), 0);
        }

        counterA.SetInput(counterA.PortIndex("enable"), 1);
        counterB.SetInput(counterB.PortIndex("enable"), 1);
        accumulator.SetInput(accumulator.PortIndex("add_value"), 3);
        for (var i = 0; i < 100; i++)
        {
            counterA.Tick();
            accumulator.Tick();
            if (i % 2 == 0)
            {
                counterB.Tick();
            }
        }

        Assert.Equal(100UL, counterA.GetOutput(counterA.PortIndex("count_q")));
        Assert.Equal(50UL, counterB.GetOutput(counterB.PortIndex("count_q")));
        Assert.Equal(300UL, accumulator.GetOutput(accumulator.PortIndex("acc_q")));
    }

    [Fact]
    public void Trace_window_holds_the_signals_and_only_the_cycles_asked_for()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lpu-trace-{Guid.NewGuid():N}.vcd");
        try
        {
            using (var sim = models.Counter.CreateSimulation())
            {
                sim.SetInput(sim.PortIndex("rst"), 1);
                sim.Tick();
                sim.SetInput(sim.PortIndex("rst"), 0);
                sim.SetInput(sim.PortIndex("enable"), 1);
                sim.TraceWindow(path, 3, 7);
                sim.Tick(10);
                Assert.Equal(10UL, sim.GetOutput(sim.PortIndex("count_q")));
            }

            var vcd = File.ReadAllText(path);
            foreach (var signal in new[] { "clk", "enable", "count_q", "wide_q" })
            {
                Assert.Matches(new Regex($@"\$var wire +\d+ \S+ {signal}\b"), vcd);
            }

            // Cycle c is traced at 10c (clock low) and 10c + 5 (rising edge): cycles 3..6 only.
            var times = Regex.Matches(vcd, @"^#(\d+)$", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToList();
            Assert.Equal([30, 35, 40, 45, 50, 55, 60, 65], times);

            // After the rising edge of cycle 6 the counter holds 6 (cycle 0 was the reset).
            Assert.Contains("b" + Convert.ToString(6, 2).PadLeft(16, '0') + " ", vcd, StringComparison.Ordinal);
            Assert.DoesNotContain("b" + Convert.ToString(7, 2).PadLeft(16, '0') + " ", vcd, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Trace_window_on_a_model_built_without_tracing_is_an_error()
    {
        using var sim = models.Accumulator.CreateSimulation();

        var error = Assert.Throws<InvalidOperationException>(() => sim.TraceWindow("never.vcd", 0, 10));

        Assert.Contains("'accumulator' was built without tracing", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists("never.vcd"));
    }

    private static uint[] ToWords(BigInteger value) =>
        [.. Enumerable.Range(0, 4).Select(i => (uint)((value >> (32 * i)) & uint.MaxValue))];

    private static BigInteger FromWords(ReadOnlySpan<uint> words)
    {
        var value = BigInteger.Zero;
        for (var i = words.Length - 1; i >= 0; i--)
        {
            value = (value << 32) | words[i];
        }

        return value;
    }
}
