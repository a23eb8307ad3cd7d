namespace Lpu.Testing;

/// <summary>A fresh folder under the system temp folder, deleted on dispose (tests never write into the
/// repository). Set LPU_KEEP_TEMP=1 to keep it for replaying a failure by hand.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "lpu")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside this folder.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = this[name];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("LPU_KEEP_TEMP") != "1" && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
