namespace Lpu.Cosim.Verilator;

/// <summary>Finds the folder Verilator builds are cached in.</summary>
internal static class SimCache
{
    public const string EnvironmentVariable = "LPU_SIM_CACHE";

    private const string SolutionFile = "Lpu.Hardware.sln";

    /// <summary>
    /// <c>$LPU_SIM_CACHE</c> if set; else <c>.sim-cache/verilator</c> in the repository (found by
    /// walking up to Lpu.Hardware.sln from the working directory, then from the binaries); else a
    /// folder under the system temp directory.
    /// </summary>
    public static string DefaultRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var repository = FindRepository(Environment.CurrentDirectory) ?? FindRepository(AppContext.BaseDirectory);
        return repository is not null
            ? Path.Combine(repository, ".sim-cache", "verilator")
            : Path.Combine(Path.GetTempPath(), "lpu-sim-cache", "verilator");
    }

    private static string? FindRepository(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
