namespace Lpu.Cosim.Verilator;

/// <summary>
/// A built (or cached) Verilator model: a self-contained shared library at a content-hashed path
/// that is never overwritten, in a workspace that can be rebuilt by hand with <c>bash build.sh</c>.
/// </summary>
public sealed class VerilatorBuildResult
{
    internal VerilatorBuildResult(VerilatorDesign design, string workspaceDirectory, string contentHash, bool fromCache)
    {
        Design = design;
        WorkspaceDirectory = workspaceDirectory;
        ContentHash = contentHash;
        FromCache = fromCache;
    }

    public VerilatorDesign Design { get; }

    /// <summary>The build's folder, named <c>&lt;top&gt;-&lt;hash&gt;</c> under the cache root.</summary>
    public string WorkspaceDirectory { get; }

    public string LibraryPath => Path.Combine(WorkspaceDirectory, ShimModel.LibraryName);

    /// <summary>Hash of the sources, flags, shim text and Verilator version that names the build.</summary>
    public string ContentHash { get; }

    /// <summary>True when the library already existed and Verilator did not run.</summary>
    public bool FromCache { get; }

    /// <summary>Loads the library (once per process) and creates a fresh model instance.</summary>
    public VerilatorSimulation CreateSimulation() => new(this);
}
