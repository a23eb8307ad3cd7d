using Lpu.Architecture.Configuration;
using Lpu.Architecture.Programs;
using Lpu.Compiler.Gemm;
using Lpu.Model;

namespace Lpu.Compiler.Tests;

public class GemmOnModelTests
{
    /// <summary>The reference: a plain triple loop, written here, independent of everything under test.</summary>
    private static int[] PlainGemm(GemmShape s, sbyte[] a, sbyte[] b)
    {
        var c = new int[s.M * s.N];
        for (var m = 0; m < s.M; m++)
        {
            for (var n = 0; n < s.N; n++)
            {
                var sum = 0;
                for (var k = 0; k < s.K; k++)
                    sum += a[(m * s.K) + k] * b[(k * s.N) + n];
                c[(m * s.N) + n] = sum;
            }
        }

        return c;
    }

    private static sbyte[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (sbyte)random.Next(-128, 128))];
    }

    private static int[] RunOnModel(LpuConfig config, CompiledGemm gemm, out long cycles)
    {
        var model = new LpuSimulator(config);
        model.Load(gemm.Program);
        cycles = model.Run();
        return gemm.Layout.ReadResult((slice, address) =>
        {
            var word = new byte[config.VectorLength];
            model.ReadSram(slice, address, word);
            return word;
        });
    }

    [Theory]
    [InlineData("small", 1, 1, 1)]
    [InlineData("small", 8, 8, 8)]
    [InlineData("small", 5, 13, 11)]
    [InlineData("small", 20, 17, 9)]     // more rows than accumulators: two row chunks
    [InlineData("small", 3, 24, 30)]
    [InlineData("medium", 40, 70, 33)]
    public void Compiled_gemm_on_the_model_equals_the_plain_loop(string preset, int m, int k, int n)
    {
        var config = Presets.Get(preset);
        var shape = new GemmShape(m, k, n);
        var a = Random(m * k, seed: m + (7 * k));
        var b = Random(k * n, seed: n + (11 * k));
        var gemm = GemmCompiler.Compile(config, shape, a, b);

        var c = RunOnModel(config, gemm, out var cycles);

        Assert.Equal(PlainGemm(shape, a, b), c);
        Assert.True(cycles >= gemm.ScheduledCycles, $"done at {cycles}, but the schedule writes until {gemm.ScheduledCycles}");
    }

    [Fact]
    public void Extreme_values_accumulate_without_loss()
    {
        var config = Presets.Get("small");
        var shape = new GemmShape(2, 40, 3);
        var a = Enumerable.Repeat((sbyte)-128, shape.M * shape.K).ToArray();
        var b = Enumerable.Repeat((sbyte)-128, shape.K * shape.N).ToArray();
        var c = RunOnModel(config, GemmCompiler.Compile(config, shape, a, b), out _);
        Assert.All(c, v => Assert.Equal(40 * 16384, v));
    }

    [Fact]
    public void Compiled_programs_pass_the_static_checker()
    {
        var config = Presets.Get("small");
        var shape = new GemmShape(20, 17, 9);
        var gemm = GemmCompiler.Compile(config, shape, Random(shape.M * shape.K, 1), Random(shape.K * shape.N, 2));
        var errors = ProgramChecker.Check(gemm.Program);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => ProgramChecker.Describe(gemm.Program, e))));
    }

    [Fact]
    public void A_configuration_without_an_mxm_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GemmCompiler.Compile(Presets.Get("ice40"), new GemmShape(1, 1, 1), new sbyte[1], new sbyte[1]));
        Assert.StartsWith("this configuration has no MXM (mxm.planes = 0)", error.Message);
    }

    [Fact]
    public void A_program_deeper_than_the_queues_is_refused()
    {
        var config = Presets.Get("small") with { Icu = new IcuConfig(16) };
        var shape = new GemmShape(20, 17, 9);
        var error = Assert.Throws<ArgumentException>(() => GemmCompiler.Compile(config, shape, new sbyte[20 * 17], new sbyte[17 * 9]));
        Assert.Matches(@"^the 20x17x9 GEMM needs \d+ instructions in queue mxm\.0\.w, more than icu\.queueDepth = 16: split the product", error.Message);
    }

    [Fact]
    public void Operands_too_large_for_a_slice_are_refused_with_the_numbers()
    {
        var shape = new GemmShape(300, 8, 8);   // 300 rows x 1 K-tile > 256 words
        var error = Assert.Throws<ArgumentException>(() =>
            GemmCompiler.Compile(Presets.Get("small"), shape, new sbyte[300 * 8], new sbyte[64]));
        Assert.StartsWith("A needs 300 words (M x ceil(K/8)) in one slice; a slice has 256", error.Message);
    }
}
