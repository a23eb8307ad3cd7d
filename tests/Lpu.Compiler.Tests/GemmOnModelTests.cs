using Lpu.Architecture.Configuration;
using Lpu.Architecture.Programs;
using Lpu.Compiler.Gemm;
using Lpu.Model;
using Lpu.Testing;

namespace Lpu.Compiler.Tests;

public class GemmOnModelTests
{
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
    [InlineData("small", 33, 9, 17)]     // three row chunks, the last of one row
    [InlineData("small", 40, 8, 12)]     // one K-tile: 40 rows stream through 16 accumulator rows in turn
    [InlineData("medium", 1, 1, 1)]
    [InlineData("medium", 100, 20, 70)]  // one K-tile, two chunks of 50 rows on 32 accumulators, 3 N-tiles on 2 planes
    [InlineData("medium", 40, 70, 33)]
    [InlineData("medium", 70, 100, 100)] // both planes, ragged chunks, N-tiles and K-tiles
    [InlineData("tsp", 70, 700, 1300)]   // 5 N-tiles on 4 planes: waves mixing two row chunks per hemisphere
    public void Compiled_gemm_on_the_model_equals_the_plain_loop(string preset, int m, int k, int n)
    {
        var config = Presets.Get(preset);
        var shape = new GemmShape(m, k, n);
        var a = Random(m * k, seed: m + (7 * k));
        var b = Random(k * n, seed: n + (11 * k));
        var gemm = GemmCompiler.Compile(config, shape, a, b);
        Assert.Empty(ProgramChecker.Check(gemm.Program));

        var c = RunOnModel(config, gemm, out var cycles);

        Assert.Equal(PlainGemm.Int8(a, b, shape.M, shape.K, shape.N), c);
        Assert.True(cycles >= gemm.ScheduledCycles, $"done at {cycles}, but the schedule writes until {gemm.ScheduledCycles}");
    }

    [Theory]
    [InlineData("small", 33, 9, 17)]
    [InlineData("medium", 70, 100, 100)]
    public void A_gemm_run_in_wave_order_ends_as_in_cycle_order(string preset, int m, int k, int n)
    {
        // Run() without a callback goes in wave order, with one in cycle order (LpuSimulator.Waves.cs).
        var config = Presets.Get(preset);
        var shape = new GemmShape(m, k, n);
        var gemm = GemmCompiler.Compile(config, shape, Random(m * k, 9), Random(k * n, 10));
        string Outcome(bool inWaves)
        {
            var model = new LpuSimulator(config);
            model.Load(gemm.Program);
            var done = inWaves ? model.Run() : model.Run(onCycle: _ => { });
            var c = model.Counters;
            var result = gemm.Layout.ReadResult((slice, address) =>
            {
                var word = new byte[config.VectorLength];
                model.ReadSram(slice, address, word);
                return word;
            });
            return $"{done} {c.SramReads} {c.SramWrites} {c.StreamProductions} {c.Macs} {string.Join(',', c.Issued)} {string.Join(',', result)}";
        }

        Assert.Equal(Outcome(inWaves: false), Outcome(inWaves: true));
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

    [Theory]
    [InlineData("small", 20, 17, 9)]
    [InlineData("medium", 70, 100, 100)]
    [InlineData("tsp", 70, 700, 1300)]
    public void Compiled_programs_pass_the_static_checker(string preset, int m, int k, int n)
    {
        var config = Presets.Get(preset);
        var shape = new GemmShape(m, k, n);
        var gemm = GemmCompiler.Compile(config, shape, Random(shape.M * shape.K, 1), Random(shape.K * shape.N, 2));
        var errors = ProgramChecker.Check(gemm.Program);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20).Select(e => ProgramChecker.Describe(gemm.Program, e))));
    }

    /// <summary>Issues per queue name of a compiled program, as the architecture's own schedule expands them.</summary>
    private static Dictionary<string, List<ScheduledIssue>> IssuesByQueue(LpuProgram program) =>
        Schedule.Compute(program).Issues
            .GroupBy(i => program.Floorplan.Queues[i.Queue].Name)
            .ToDictionary(g => g.Key, g => g.ToList());

    [Theory]
    // tsp: 128 x 640 x 1280 is 4 N-tiles of 320 on 4 planes, 2 K-tiles: each plane streams the 128
    // rows of A once per K-tile = 256 abc; each hemisphere reads A once for its two planes = 256 reads.
    [InlineData("tsp", 128, 640, 1280, 256, 256)]
    // medium: 64 x 64 x 64 is 2 N-tiles of 32 on 2 planes (one per hemisphere), 2 K-tiles: 64 x 2 = 128 each.
    [InlineData("medium", 64, 64, 64, 128, 128)]
    public void Every_plane_streams_its_share_and_a_hemisphere_reads_a_once(string preset, int m, int k, int n, int abcPerPlane, int activationReadsPerSide)
    {
        var config = Presets.Get(preset);
        var shape = new GemmShape(m, k, n);
        var gemm = GemmCompiler.Compile(config, shape, Random(m * k, 3), Random(k * n, 4));
        var issues = IssuesByQueue(gemm.Program);

        for (var plane = 0; plane < config.Mxm.Planes; plane++)
        {
            Assert.Equal(abcPerPlane, issues[$"mxm.{plane}.a"].Count(i => i.Instruction.Spec.Mnemonic == "abc"));
            Assert.Contains(issues[$"mxm.{plane}.w"], i => i.Instruction.Spec.Mnemonic == "iw");
            Assert.Contains(issues[$"mxm.{plane}.c"], i => i.Instruction.Spec.Mnemonic == "acc");
        }

        foreach (var side in gemm.Layout.Sides)
        {
            var reads = side.ActivationSlices.Sum(slice => issues[gemm.Program.Floorplan.Queues.Single(q => q.GlobalSlice == slice).Name].Count);
            Assert.Equal(activationReadsPerSide, reads);
        }
    }

    [Fact]
    public void A_single_k_tile_streams_every_row_through_one_install()
    {
        // small, 40 x 8 x 8: one K-tile and one N-tile, so nothing accumulates across tiles: the 40
        // rows reuse the 16 accumulator rows in turn after one iw (chunks of 16 would need 3).
        var config = Presets.Get("small");
        var shape = new GemmShape(40, 8, 8);
        var a = Random(40 * 8, 5);
        var b = Random(8 * 8, 6);
        var gemm = GemmCompiler.Compile(config, shape, a, b);

        var issues = IssuesByQueue(gemm.Program);
        Assert.Equal(1, issues["mxm.0.w"].Count(i => i.Instruction.Spec.Mnemonic == "iw"));
        Assert.Equal(40, issues["mxm.0.a"].Count);
        Assert.Equal(PlainGemm.Int8(a, b, shape.M, shape.K, shape.N), RunOnModel(config, gemm, out _));
    }

    [Fact]
    public void Tsp_1024_cubed_stays_within_the_hand_derived_cycle_bound()
    {
        // Each of the 4 planes gets one N-tile of 320 and all 1024 rows: 16 chunks of 64 rows (the
        // accumulators) x 4 K-tiles = 64 weight tiles. A tile costs 64 abc cycles plus the install
        // window in which no abc may issue (SL + 1 = 21 cycles): 64 x 85 = 5,440 cycles. Before the
        // first install both planes of a hemisphere load their 320 rows, 16 per lw (2 x 20 = 40
        // cycles), fed by reads at most 2 + 45 cycles earlier; after the last abc come acc (+22),
        // its latency (+2) and at most 45 hops to a result slice. 5,440 + 40 + 47 + 22 + 2 + 45 = 5,596.
        // One plane alone, as before, needed 22,198 cycles.
        var config = Presets.Get("tsp");
        var shape = new GemmShape(1024, 1024, 1024);
        var gemm = GemmCompiler.Compile(config, shape, new sbyte[1024 * 1024], new sbyte[1024 * 1024]);

        Assert.InRange(gemm.ScheduledCycles, 5_440, 5_596);
        Assert.Empty(ProgramChecker.Check(gemm.Program));
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
    public void Too_few_slices_for_the_planes_of_a_hemisphere_are_refused_by_count()
    {
        // medium has a plane in each hemisphere; each needs an activation slice, a weight slice and
        // its 4 result slices at home: 6 slices, not 5.
        var config = Presets.Get("medium") with { Mem = new MemConfig(5, 1024, 2, true) };
        var error = Assert.Throws<ArgumentException>(() => GemmCompiler.Compile(config, new GemmShape(4, 4, 4), new sbyte[16], new sbyte[16]));
        Assert.StartsWith("the GEMM schedule needs at least 6 MEM slices per hemisphere for 1 MXM plane(s) on a side", error.Message);
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
