using Lpu.Cosim.Verilator;
using Lpu.Rtl;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// Builds (or finds in the cache) the Verilator library of a generated or given <c>lpu_top</c>; a
/// profile-guided build trains on <see cref="ProfileWorkload"/>.
/// </summary>
internal static class RtlBuild
{
    public static VerilatorBuildResult Build(RtlDesign design, string? rtlDirectory, VerilatorOptions options, string? cacheRoot)
    {
        var sources = rtlDirectory is null
            ? design.Verilog.Modules.Select(f => new VerilatorSource(f.Name, f.Text))
            : ReadDirectory(rtlDirectory, design.Top);
        var ports = design.Ports.Select(p => p.IsInput ? VerilatorPort.Input(p.Name, p.Width) : VerilatorPort.Output(p.Name, p.Width));
        return VerilatorBuild.Build(new VerilatorDesign(sources, design.Top, ports, "clk", options), cacheRoot, ProfileWorkload.For(design));
    }

    /// <summary>The files of <c>TOP.f</c> in <paramref name="directory"/>, or every <c>.v</c> file there.</summary>
    private static List<VerilatorSource> ReadDirectory(string directory, string top)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"--rtl {directory}: no such directory");
        var fileList = Path.Combine(directory, top + ".f");
        var names = File.Exists(fileList)
            ? File.ReadAllLines(fileList).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith('-'))
            : Directory.EnumerateFiles(directory, "*.v").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        var sources = names.Select(n => VerilatorSource.FromFile(Path.Combine(directory, n))).ToList();
        if (sources.Count == 0)
            throw new FileNotFoundException($"--rtl {directory}: no Verilog files");
        return sources;
    }
}
