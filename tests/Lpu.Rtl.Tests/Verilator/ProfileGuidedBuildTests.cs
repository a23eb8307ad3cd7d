using Lpu.Cosim.Verilator;

namespace Lpu.Rtl.Tests.Verilator;

/// <summary>Profile-guided builds (GCC instrumentation, a training run, a second compile) and the cache around them.</summary>
[Collection(SharedVerilatorModels.Name)]
public sealed class ProfileGuidedBuildTests(VerilatorModels models) : IDisposable
{
    private readonly List<string> roots = [];

    public void Dispose()
    {
        foreach (var root in roots)
            Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Profile_guided_build_trains_once_compiles_with_the_counts_and_computes_the_same()
    {
        var root = FreshCacheRoot();
        var trainings = 0;
        var training = new ProfileTraining("accumulate 1..2000", sim =>
        {
            trainings++;
            Accumulate(sim, 2000);
        });
        var design = Guided(models.AccumulatorDesign);

        var built = VerilatorBuild.Build(design, root, training);
        var again = VerilatorBuild.Build(design, root, training);

        Assert.False(built.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(1, trainings);
        var workspace = built.WorkspaceDirectory;
        Assert.Contains("profile: accumulate 1..2000\n", File.ReadAllText(Path.Combine(workspace, "manifest.txt")), StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(workspace, "build.log"));
        Assert.Contains("== LPU_PROFILE=generate", log, StringComparison.Ordinal);
        Assert.Contains("-fprofile-generate", log, StringComparison.Ordinal);
        Assert.Contains("== LPU_PROFILE=use", log, StringComparison.Ordinal);
        Assert.Contains("-fprofile-use", log, StringComparison.Ordinal);
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(workspace, "obj"), "*.gcda"), f => new FileInfo(f).Length > 0);

        // 1 + 2 + ... + 300 = 45,150 on both libraries.
        using var guided = built.CreateSimulation();
        using var plain = models.Accumulator.CreateSimulation();
        Assert.Equal(45_150UL, Accumulate(guided, 300));
        Assert.Equal(45_150UL, Accumulate(plain, 300));
    }

    [Fact]
    public void Profile_guided_and_plain_builds_and_different_trainings_are_different_builds()
    {
        var root = FreshCacheRoot();
        var guided = Guided(models.AccumulatorDesign);

        var plain = VerilatorBuild.Build(models.AccumulatorDesign, root);
        var first = VerilatorBuild.Build(guided, root, new ProfileTraining("a", sim => Accumulate(sim, 10)));
        var second = VerilatorBuild.Build(guided, root, new ProfileTraining("b", sim => Accumulate(sim, 10)));

        Assert.Equal(3, new[] { plain.WorkspaceDirectory, first.WorkspaceDirectory, second.WorkspaceDirectory }.Distinct().Count());
    }

    [Fact]
    public void Profile_guided_build_without_a_training_is_refused()
    {
        var design = Guided(models.AccumulatorDesign);

        var error = Assert.Throws<ArgumentException>(() => VerilatorBuild.Build(design, FreshCacheRoot()));

        Assert.StartsWith("a profile-guided build of 'accumulator' needs a training workload", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_training_fails_the_build_by_name_and_leaves_no_library_in_the_cache()
    {
        var root = FreshCacheRoot();
        var design = Guided(models.AccumulatorDesign);
        var training = new ProfileTraining("broken", _ => throw new InvalidOperationException("no such port"));

        var error = Assert.Throws<VerilatorBuildException>(() => VerilatorBuild.Build(design, root, training));

        Assert.Contains("training 'broken' failed: no such port", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(root, "model.so", SearchOption.AllDirectories), f => !Path.GetDirectoryName(f)!.EndsWith(".failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_that_stops_the_model_keeps_the_counts_so_far()
    {
        var design = Guided(models.AccumulatorDesign);
        var trip = models.AccumulatorDesign.PortIndex("trip");
        var training = new ProfileTraining("trips", sim =>
        {
            Accumulate(sim, 50);
            sim.SetInput(trip, 1);
            sim.Tick();
        });

        var built = VerilatorBuild.Build(design, FreshCacheRoot(), training);

        using var sim = built.CreateSimulation();
        Assert.Equal(45_150UL, Accumulate(sim, 300));
    }

    [Fact]
    public void A_cache_folder_whose_library_was_deleted_is_rebuilt()
    {
        var root = FreshCacheRoot();
        var first = VerilatorBuild.Build(models.AccumulatorDesign, root);
        File.Delete(first.LibraryPath);

        var second = VerilatorBuild.Build(models.AccumulatorDesign, root);

        Assert.False(second.FromCache);
        Assert.Equal(first.WorkspaceDirectory, second.WorkspaceDirectory);
        using var sim = second.CreateSimulation();
        Assert.Equal(45_150UL, Accumulate(sim, 300));
    }

    /// <summary>Resets, adds 1, 2, ..., <paramref name="count"/> and returns the accumulator.</summary>
    private static ulong Accumulate(VerilatorSimulation sim, int count)
    {
        var rst = sim.PortIndex("rst");
        var add = sim.PortIndex("add_value");
        sim.SetInput(rst, 1);
        sim.Tick();
        sim.SetInput(rst, 0);
        for (var i = 1; i <= count; i++)
        {
            sim.SetInput(add, (ulong)i);
            sim.Tick();
        }

        sim.SetInput(add, 0);
        return sim.GetOutput(sim.PortIndex("acc_q"));
    }

    private static VerilatorDesign Guided(VerilatorDesign d) =>
        new(d.Sources, d.TopModule, d.Ports, d.ClockPort, d.Options with { ProfileGuided = true });

    /// <summary>An empty build cache of this test's own, deleted afterwards.</summary>
    private string FreshCacheRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "lpu-pgo-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        roots.Add(root);
        return root;
    }
}
