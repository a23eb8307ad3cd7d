using System.Diagnostics;
using Lpu.Cosim.Verilator;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Verilator;

[Collection(SharedVerilatorModels.Name)]
public sealed class VerilatorBuildTests(VerilatorModels models)
{
    [Fact]
    public void Second_build_with_the_same_inputs_comes_from_the_cache_without_rebuilding()
    {
        var library = models.Counter.LibraryPath;
        var writtenBefore = File.GetLastWriteTimeUtc(library);

        // A new design object with the same content: the cache is keyed by content, not identity.
        var again = VerilatorBuild.Build(new VerilatorModels().CounterDesign);

        Assert.True(again.FromCache);
        Assert.Equal(library, again.LibraryPath);
        Assert.Equal(writtenBefore, File.GetLastWriteTimeUtc(library));
    }

    [Fact]
    public async Task Builders_of_one_design_at_the_same_time_build_it_once()
    {
        using var cache = new TempDir("concurrent-builds");
        var design = new VerilatorModels().CounterDesign;
        using var start = new Barrier(2);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return VerilatorBuild.Build(design, cache.Path);
        })));

        Assert.Single(results, r => !r.FromCache);   // the other waited and loaded its library
        Assert.Equal(results[0].LibraryPath, results[1].LibraryPath);
        Assert.True(File.Exists(results[0].LibraryPath));
        Assert.Empty(Directory.EnumerateDirectories(cache.Path, ".tmp-*"));
    }

    [Fact]
    public void Workspace_holds_the_replay_files_and_no_absolute_paths()
    {
        var workspace = models.Counter.WorkspaceDirectory;
        foreach (var file in new[] { "build.sh", "sources.f", "rtl/counter.v", "shim.cpp", "shim.h", "exports.map", "manifest.txt", "build.log" })
        {
            Assert.True(File.Exists(Path.Combine(workspace, file)), $"{file} is missing from {workspace}");
        }

        Assert.Equal("rtl/counter.v\n", File.ReadAllText(Path.Combine(workspace, "sources.f")));
        Assert.Equal(File.ReadAllText(FixtureFiles.PathOf("counter.v")), File.ReadAllText(Path.Combine(workspace, "rtl", "counter.v")));
        var root = Path.GetDirectoryName(workspace)!;
        foreach (var file in new[] { "build.sh", "sources.f", "shim.cpp", "shim.h", "exports.map", "manifest.txt" })
        {
            Assert.DoesNotContain(root, File.ReadAllText(Path.Combine(workspace, file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Library_exports_only_the_shim_functions()
    {
        var (exitCode, output) = Run("nm", ["-D", "--defined-only", models.Counter.LibraryPath], Environment.CurrentDirectory);

        Assert.Equal(0, exitCode);
        var symbols = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[^1]).ToList();
        Assert.Contains("lpu_sim_tick", symbols);
        Assert.All(symbols, s => Assert.StartsWith("lpu_sim_", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_error_names_the_offending_file_and_line_and_can_be_replayed()
    {
        var source = VerilatorSource.FromFile(FixtureFiles.PathOf("broken.v"));
        var expectedLine = Array.FindIndex(source.Text.Split('\n'), l => l.Contains("~no_such_signal", StringComparison.Ordinal)) + 1;
        var design = new VerilatorDesign([source], "broken", [VerilatorPort.Input("clk"), VerilatorPort.Output("q")], "clk");

        var error = Assert.Throws<VerilatorBuildException>(() => VerilatorBuild.Build(design));

        Assert.Contains($"broken.v:{expectedLine}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_signal", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.WorkspaceDirectory);
        var (exitCode, output) = Run("bash", ["build.sh"], error.WorkspaceDirectory!);
        Assert.NotEqual(0, exitCode);
        Assert.Contains($"broken.v:{expectedLine}:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_list_that_disagrees_with_the_module_fails_the_build_naming_the_port()
    {
        // acc_q is 48 bits in the Verilog; declaring it 8 bits must not silently truncate reads.
        var design = new VerilatorDesign(
            [VerilatorSource.FromFile(FixtureFiles.PathOf("accumulator.v"))],
            "accumulator",
            [.. models.AccumulatorDesign.Ports.Select(p => p.Name == "acc_q" ? p with { Width = 8 } : p)],
            "clk");

        var error = Assert.Throws<VerilatorBuildException>(() => VerilatorBuild.Build(design));

        Assert.Contains("port acc_q: the model's port is not 8 bits wide", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_width_that_shares_the_storage_size_but_not_the_width_fails_the_build()
    {
        // acc_q is 48 bits in the Verilog; 40 bits has the same 64-bit storage, which sizeof cannot tell apart.
        var design = new VerilatorDesign(
            [VerilatorSource.FromFile(FixtureFiles.PathOf("accumulator.v"))],
            "accumulator",
            [.. models.AccumulatorDesign.Ports.Select(p => p.Name == "acc_q" ? p with { Width = 40 } : p)],
            "clk");

        var error = Assert.Throws<VerilatorBuildException>(() => VerilatorBuild.Build(design));

        Assert.Contains("port acc_q: declared output of 40 bits, the Verilog has output of 48 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_source_text_is_a_different_build()
    {
        var source = VerilatorSource.FromFile(FixtureFiles.PathOf("broken.v"));
        var ports = new[] { VerilatorPort.Input("clk"), VerilatorPort.Output("q") };
        var first = Assert.Throws<VerilatorBuildException>(() => VerilatorBuild.Build(new VerilatorDesign([source], "broken", ports, "clk")));
        var changed = source with { Text = source.Text + "// changed\n" };
        var second = Assert.Throws<VerilatorBuildException>(() => VerilatorBuild.Build(new VerilatorDesign([changed], "broken", ports, "clk")));

        Assert.NotEqual(first.WorkspaceDirectory, second.WorkspaceDirectory);
    }

    [Fact]
    public void Malformed_designs_are_rejected_naming_the_offending_item()
    {
        var source = new VerilatorSource("m.v", "module m; endmodule\n");
        VerilatorPort[] ports = [VerilatorPort.Input("clk"), VerilatorPort.Output("q", 8)];

        var noClock = Assert.Throws<ArgumentException>(() => new VerilatorDesign([source], "m", ports, "clock"));
        var twice = Assert.Throws<ArgumentException>(() => new VerilatorDesign([source], "m", [.. ports, VerilatorPort.Output("q", 4)], "clk"));
        var zeroWidth = Assert.Throws<ArgumentException>(() => new VerilatorDesign([source], "m", [.. ports, VerilatorPort.Input("d", 0)], "clk"));
        var wideClock = Assert.Throws<ArgumentException>(() => new VerilatorDesign([source], "m", ports, "q"));
        var badName = Assert.Throws<ArgumentException>(() => new VerilatorDesign([source with { FileName = "../m.v" }], "m", ports, "clk"));
        var missing = Assert.Throws<FileNotFoundException>(() => VerilatorSource.FromFile("no/such/file.v"));
        var clash = Assert.Throws<ArgumentException>(() => new VerilatorDesign([source], "m", [.. ports, VerilatorPort.Output("trace", 4)], "clk"));

        Assert.Equal("clock port 'clock' is not among the ports of 'm'", noClock.Message);
        Assert.Equal("port 'q' of 'm' is listed twice", twice.Message);
        Assert.Equal("port 'd' of 'm' has width 0; expected 1..65536", zeroWidth.Message);
        Assert.Equal("clock port 'q' of 'm' must be a 1-bit input", wideClock.Message);
        Assert.Contains("'../m.v'", badName.Message, StringComparison.Ordinal);
        Assert.Contains("no/such/file.v", missing.Message, StringComparison.Ordinal);
        Assert.Equal("port name 'trace' of 'm' clashes with a member of Verilator's generated model class; rename the port", clash.Message);
    }

    private static (int ExitCode, string Output) Run(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
