using Lpu.Hdl.Verilog;

namespace Lpu.Testing;

/// <summary>Writes an emitted design to a temp folder and puts it through every tool: Verilator
/// <c>--lint-only -Wall</c> (no warning allowed), <c>iverilog -g2005</c>, and Yosys
/// <c>hierarchy -check; proc; check -assert</c>.</summary>
public static class HdlToolchain
{
    /// <summary>Runs all three tools on <paramref name="design"/>; throws with the tool output on failure.</summary>
    public static void CheckAll(EmittedDesign design)
    {
        using var dir = new TempDir("hdl-check");
        var files = Write(design, dir);
        Tools.VerilatorLint(dir.Path, files, design.Top);
        Tools.IcarusCompile(dir.Path, files, design.Top);
        Tools.YosysCheck(dir.Path, files, design.Top);
    }

    /// <summary>Writes the module files into <paramref name="dir"/> and returns their names.</summary>
    public static IReadOnlyList<string> Write(EmittedDesign design, TempDir dir)
    {
        foreach (var file in design.Files)
        {
            dir.Write(file.Name, file.Text);
        }

        return [.. design.Modules.Select(m => m.Name)];
    }
}
