using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Lpu.Cosim.Verilator;

/// <summary>
/// Compiles a <see cref="VerilatorDesign"/> with one <c>verilator --cc --exe --build</c> into a
/// self-contained shared library with a C ABI shim, cached under a hash of everything that goes
/// into it. Each build is made in a temporary folder and renamed into place when complete, so a
/// loaded library is never overwritten; concurrent builders of one design take turns
/// (<see cref="BuildLock"/>), so it is built once.
/// </summary>
public static partial class VerilatorBuild
{
    /// <summary>Bump when the workspace layout changes in a way the rendered files do not show.</summary>
    private const string LayoutVersion = "lpu-cosim-verilator-1";

    private const int ExcerptLines = 50;

    private static readonly Lazy<string> Version = new(ReadVerilatorVersion);

    /// <summary>The first line of <c>verilator --version</c>; part of every build's hash.</summary>
    public static string VerilatorVersion => Version.Value;

    /// <summary>See <see cref="SimCache.DefaultRoot"/>: <c>$LPU_SIM_CACHE</c> or <c>&lt;repo&gt;/.sim-cache/verilator</c>.</summary>
    public static string DefaultCacheRoot() => SimCache.DefaultRoot();

    /// <summary>
    /// Builds the design, or returns the cached build with the same hash without running Verilator.
    /// A profile-guided build (<see cref="VerilatorOptions.ProfileGuided"/>) needs <paramref name="training"/>.
    /// </summary>
    public static VerilatorBuildResult Build(VerilatorDesign design, string? cacheRoot = null, ProfileTraining? training = null)
    {
        if (design.Options.ProfileGuided && training is null)
        {
            throw new ArgumentException($"a profile-guided build of '{design.TopModule}' needs a training workload", nameof(training));
        }

        var root = Path.GetFullPath(cacheRoot ?? DefaultCacheRoot());
        if (root.Any(char.IsWhiteSpace))
        {
            // The build script passes the workspace path inside -CFLAGS, which make splits on spaces.
            throw new ArgumentException($"Verilator cache root '{root}' contains whitespace; set {SimCache.EnvironmentVariable} to a path without any");
        }

        var files = ShimTemplates.Render(new ShimModel(design));
        var sourceList = string.Concat(design.Sources.Select(s => $"rtl/{s.FileName}\n"));
        var profile = design.Options.ProfileGuided ? training : null;
        var manifest = Manifest(design, files, profile?.Name);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest)))[..16];
        var name = $"{design.TopModule}-{hash}";
        var workspace = Path.Combine(root, name);
        if (File.Exists(Path.Combine(workspace, ShimModel.LibraryName)))
        {
            return new VerilatorBuildResult(design, workspace, hash, fromCache: true);
        }

        using var buildLock = BuildLock.Take(root, name);
        if (File.Exists(Path.Combine(workspace, ShimModel.LibraryName)))
        {
            // Built by the holder this build waited for.
            return new VerilatorBuildResult(design, workspace, hash, fromCache: true);
        }

        RemoveAbandonedBuilds(root);
        RemoveIncomplete(workspace);
        var temporary = Path.Combine(root, $".tmp-{name}-{Guid.NewGuid():N}");
        WriteWorkspace(temporary, design, files, sourceList, manifest);
        var (exitCode, output) = profile is null
            ? RunScript(temporary, stage: null)
            : BuildProfiled(design, temporary, hash, profile);
        File.WriteAllText(Path.Combine(temporary, "build.log"), output);
        if (exitCode != 0 || !File.Exists(Path.Combine(temporary, ShimModel.LibraryName)))
        {
            throw Failure(design, root, name, temporary, exitCode, output);
        }

        var mismatches = PortMismatches(design, Path.Combine(temporary, "obj", $"V{design.TopModule}.h"));
        if (mismatches.Count > 0)
        {
            throw Failure(design, root, name, temporary, exitCode, string.Join('\n', mismatches) + "\n" + output);
        }

        try
        {
            Directory.Move(temporary, workspace);
        }
        catch (IOException) when (File.Exists(Path.Combine(workspace, ShimModel.LibraryName)))
        {
            // A builder that ignored the lock (an older hdl-gen) finished first; its library is identical.
            Directory.Delete(temporary, recursive: true);
        }

        return new VerilatorBuildResult(design, workspace, hash, fromCache: false);
    }

    /// <summary>Runs build.sh in <paramref name="directory"/>; <paramref name="stage"/> is its LPU_PROFILE.</summary>
    private static (int ExitCode, string Output) RunScript(string directory, string? stage) =>
        ToolRunner.Run("bash", ["build.sh"], directory, stage is null ? null : new Dictionary<string, string> { ["LPU_PROFILE"] = stage });

    /// <summary>
    /// The two compiles of a profile-guided build: instrumented, trained (the counts land in
    /// obj/*.gcda), then the objects and the library deleted and compiled again with the counts.
    /// </summary>
    private static (int ExitCode, string Output) BuildProfiled(VerilatorDesign design, string directory, string hash, ProfileTraining training)
    {
        var (exitCode, output) = RunScript(directory, "generate");
        output = "== LPU_PROFILE=generate\n" + output;
        if (exitCode != 0 || !File.Exists(Path.Combine(directory, ShimModel.LibraryName)))
        {
            return (exitCode == 0 ? 1 : exitCode, output);
        }

        using (var simulation = new VerilatorBuildResult(design, directory, hash, fromCache: false).CreateSimulation())
        {
            try
            {
                training.Run(simulation);
            }
            catch (VerilatorSimulationException)
            {
                // The model stopped (e.g. a $fatal): the counts up to there still describe the design.
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
            {
                return (1, $"{output}error: training '{training.Name}' failed: {e.Message}\n");
            }

            if (!simulation.DumpProfile())
            {
                return (1, $"{output}error: the instrumented library wrote no profile (lpu_sim_profile_dump found no __gcov_dump)\n");
            }
        }

        var objects = Path.Combine(directory, "obj");
        foreach (var file in Directory.EnumerateFiles(objects, "*.o").Concat(Directory.EnumerateFiles(objects, "*.a")).ToList())
        {
            File.Delete(file);
        }

        // Unlinking keeps the loaded instrumented library mapped; the new one is loaded from the cache path.
        File.Delete(Path.Combine(directory, ShimModel.LibraryName));
        var (useExitCode, useOutput) = RunScript(directory, "use");
        return (useExitCode, $"{output}== training: {training.Name}\n== LPU_PROFILE=use\n{useOutput}");
    }

    /// <summary>
    /// Deletes a cache folder without its library (e.g. a library deleted by hand to force a rebuild,
    /// or a copy cut short): it would block the rename of the new build into place.
    /// </summary>
    private static void RemoveIncomplete(string workspace)
    {
        if (Directory.Exists(workspace) && !File.Exists(Path.Combine(workspace, ShimModel.LibraryName)))
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Another process removed it first.
            }
        }
    }

    /// <summary>Deletes temporary build folders left by processes that died mid-build long ago.</summary>
    private static void RemoveAbandonedBuilds(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        // A day is far longer than any build, so a folder this old has no live builder.
        var cutoff = DateTime.UtcNow - TimeSpan.FromDays(1);
        foreach (var directory in Directory.EnumerateDirectories(root, ".tmp-*"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(directory) < cutoff)
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process is removing it too, or it is not ours to remove: leave it.
            }
        }
    }

    /// <summary>Everything the build depends on, as text: hashed, and kept in the workspace for people.</summary>
    private static string Manifest(VerilatorDesign design, IReadOnlyList<(string File, string Text)> files, string? profile)
    {
        var text = new StringBuilder();
        text.Append("layout: ").Append(LayoutVersion).Append('\n');
        text.Append("verilator: ").Append(VerilatorVersion).Append('\n');
        text.Append("top: ").Append(design.TopModule).Append('\n');
        if (profile is not null)
        {
            text.Append("profile: ").Append(profile).Append('\n');
        }

        foreach (var source in design.Sources)
        {
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.Text)));
            text.Append("source: rtl/").Append(source.FileName).Append(' ').Append(digest).Append('\n');
        }

        foreach (var (file, body) in files)
        {
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
            text.Append("file: ").Append(file).Append(' ').Append(digest).Append('\n');
        }

        return text.ToString();
    }

    private static void WriteWorkspace(
        string directory,
        VerilatorDesign design,
        IReadOnlyList<(string File, string Text)> files,
        string sourceList,
        string manifest)
    {
        Directory.CreateDirectory(Path.Combine(directory, "rtl"));
        foreach (var source in design.Sources)
        {
            File.WriteAllText(Path.Combine(directory, "rtl", source.FileName), source.Text);
        }

        File.WriteAllText(Path.Combine(directory, "sources.f"), sourceList);
        File.WriteAllText(Path.Combine(directory, "manifest.txt"), manifest);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, file), text);
        }
    }

    /// <summary>Keeps the failed workspace at a fixed path for replay and reports the first error lines.</summary>
    private static VerilatorBuildException Failure(
        VerilatorDesign design, string root, string name, string temporary, int exitCode, string output)
    {
        var failed = Path.Combine(root, name + ".failed");
        string kept;
        try
        {
            if (Directory.Exists(failed))
            {
                Directory.Delete(failed, recursive: true);
            }

            Directory.Move(temporary, failed);
            kept = failed;
            output = output.Replace(temporary, failed, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            // Another process is replacing the same failed workspace: keep this one where it is.
            kept = temporary;
        }

        var message = $"Verilator build of '{design.TopModule}' failed (exit code {exitCode}); "
            + $"replay with: bash {Path.Combine(kept, "build.sh")}\n{Excerpt(output)}";
        return new VerilatorBuildException(message, output, kept);
    }

    /// <summary>
    /// The shim's static_asserts compare storage sizes only (a 12-bit port declared 16 bits passes
    /// them); Verilator's header states every port's exact range, e.g. <c>VL_IN16(&amp;a,11,0);</c>,
    /// so the declared port list is checked against it, one "error:" line per disagreement.
    /// </summary>
    private static List<string> PortMismatches(VerilatorDesign design, string header)
    {
        var actual = new Dictionary<string, (bool Input, int Width)>(StringComparer.Ordinal);
        foreach (Match m in HeaderPort().Matches(File.ReadAllText(header)))
        {
            var width = int.Parse(m.Groups["msb"].Value, System.Globalization.CultureInfo.InvariantCulture)
                - int.Parse(m.Groups["lsb"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
            actual[m.Groups["name"].Value] = (m.Groups["dir"].Value == "IN", width);
        }

        var mismatches = new List<string>();
        foreach (var port in design.Ports)
        {
            var input = port.Direction == PortDirection.Input;
            if (!actual.TryGetValue(port.Name, out var found))
                mismatches.Add($"error: port {port.Name}: not a port of {design.TopModule} in the Verilog");
            else if (found.Width != port.Width || found.Input != input)
                mismatches.Add($"error: port {port.Name}: declared {Describe(input, port.Width)}, the Verilog has {Describe(found.Input, found.Width)}");
        }

        return mismatches;

        static string Describe(bool input, int width) => $"{(input ? "input" : "output")} of {width} bits";
    }

    [GeneratedRegex(@"VL_(?<dir>IN|OUT)(?:8|16|64|W)?\(&(?<name>\w+),(?<msb>\d+),(?<lsb>\d+)")]
    private static partial Regex HeaderPort();

    /// <summary>The first lines of the output starting at its first error (Verilator's or the C++ compiler's).</summary>
    private static string Excerpt(string output)
    {
        var lines = output.Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith("%Error", StringComparison.Ordinal) || l.Contains("error:", StringComparison.Ordinal));
        return string.Join('\n', lines.Skip(Math.Max(first, 0)).Take(ExcerptLines)).TrimEnd();
    }

    private static string ReadVerilatorVersion()
    {
        var (exitCode, output) = ToolRunner.Run("verilator", ["--version"], Environment.CurrentDirectory);
        var line = output.Split('\n')[0].Trim();
        if (exitCode != 0 || line.Length == 0)
        {
            throw new VerilatorBuildException($"'verilator --version' failed (exit code {exitCode}): {line}", output, null);
        }

        return line;
    }
}
