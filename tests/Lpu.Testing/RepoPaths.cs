namespace Lpu.Testing;

/// <summary>Paths inside the repository, found by walking up to <c>Lpu.Hardware.sln</c>.</summary>
public static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the root, from '/'-separated parts.</summary>
    public static string Of(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// The real path of a <c>[CallerFilePath]</c> value. CI builds are deterministic
    /// (<c>ContinuousIntegrationBuild</c>), which maps source paths to <c>/_/...</c>; map them back.
    /// </summary>
    public static string OfSource(string callerFilePath) =>
        callerFilePath.StartsWith("/_/", StringComparison.Ordinal) ? Of(callerFilePath[3..]) : callerFilePath;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lpu.Hardware.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Lpu.Hardware.sln not found above " + AppContext.BaseDirectory);
    }
}
