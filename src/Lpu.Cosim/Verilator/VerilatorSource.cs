namespace Lpu.Cosim.Verilator;

/// <summary>
/// One Verilog source file given to a Verilator build: its file name (no folders; it is copied
/// into the build workspace under that name) and its text.
/// </summary>
public sealed record VerilatorSource(string FileName, string Text)
{
    /// <summary>Reads a source file from disk; a missing file is reported with its path.</summary>
    public static VerilatorSource FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Verilog source '{path}' does not exist", path);
        }

        return new VerilatorSource(Path.GetFileName(path), File.ReadAllText(path));
    }
}
