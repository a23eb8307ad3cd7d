using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Programs;

namespace Lpu.HdlGen;

/// <summary>Reads a program given on the command line: assembly (.s) or a program image (.lpu).</summary>
internal static class ProgramInput
{
    /// <summary>
    /// The program at <paramref name="path"/>; assembly errors are printed as
    /// <c>file:line:col: error: message</c> to <paramref name="error"/> and null is returned.
    /// </summary>
    public static LpuProgram? Load(string path, LpuConfig config, TextWriter error)
    {
        try
        {
            return path.EndsWith(".lpu", StringComparison.OrdinalIgnoreCase)
                ? ProgramImage.Read(File.ReadAllBytes(path), config, path)
                : Assembler.Assemble(File.ReadAllText(path), config, path);
        }
        catch (AssemblyException e)
        {
            foreach (var d in e.Diagnostics)
                error.WriteLine($"{d.File}:{d.Line}:{d.Column}: error: {d.Message}");
            error.WriteLine($"{e.Diagnostics.Count} error(s)");
            return null;
        }
    }
}
