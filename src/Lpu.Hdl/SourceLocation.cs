namespace Lpu.Hdl;

/// <summary>
/// The C# file (name only, never an absolute path, so messages and output stay machine-independent)
/// and line that created a piece of hardware.
/// </summary>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <summary>Builds a location from <c>[CallerFilePath]</c> / <c>[CallerLineNumber]</c> values.</summary>
    public static SourceLocation From(string filePath, int line) =>
        new(Path.GetFileName(filePath.Replace('\\', '/')), line);

    /// <summary><c>File.cs:12</c>.</summary>
    public override string ToString() => $"{File}:{Line}";
}
