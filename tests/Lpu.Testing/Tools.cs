using System.Diagnostics;
using System.Text;

namespace Lpu.Testing;

/// <summary>
/// Runs the real HDL tools (never mocked) in a working folder and returns exit code and output. The
/// <c>...Check</c>/<c>...Lint</c>/<c>...Run</c> helpers throw <see cref="ToolFailedException"/> carrying the
/// tool's output when it fails, so a failed test shows what the tool said.
/// </summary>
public static class Tools
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, string workingDirectory, int timeoutSeconds = 600)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new ToolFailedException($"`{program} {string.Join(' ', info.ArgumentList)}` timed out after {timeoutSeconds} s:\n{output}");
        }

        process.WaitForExit();
        return new ToolResult($"{program} {string.Join(' ', info.ArgumentList)}", process.ExitCode, output.ToString());
    }

    /// <summary><c>verilator --lint-only -Wall</c> on <paramref name="files"/> (top chosen by
    /// <paramref name="top"/>); fails on any warning, since -Wall warnings are errors by default.</summary>
    public static ToolResult VerilatorLint(string directory, IEnumerable<string> files, string top) =>
        Run("verilator", ["--lint-only", "-Wall", "--top-module", top, .. files], directory).EnsureSuccess();

    /// <summary><c>iverilog -g2005</c> compile of <paramref name="files"/> into <c>a.out</c>.</summary>
    public static ToolResult IcarusCompile(string directory, IEnumerable<string> files, string top) =>
        Run("iverilog", ["-g2005", "-Wall", "-s", top, "-o", "sim.vvp", .. files], directory).EnsureSuccess();

    /// <summary>Compiles with Icarus and runs the simulation (the testbench must call <c>$finish</c>);
    /// returns the simulation's output.</summary>
    public static ToolResult IcarusRun(string directory, IEnumerable<string> files, string top)
    {
        IcarusCompile(directory, files, top);
        return Run("vvp", ["-n", "sim.vvp"], directory).EnsureSuccess();
    }

    /// <summary>Yosys <c>read_verilog; hierarchy -check; proc; check -assert</c>.</summary>
    public static ToolResult YosysCheck(string directory, IEnumerable<string> files, string top) =>
        Yosys(directory, files, $"hierarchy -check -top {top}; proc; check -assert");

    /// <summary>Runs a Yosys script after <c>read_verilog</c> of <paramref name="files"/>; with
    /// <paramref name="quiet"/> only warnings and errors are printed (pass false to read e.g. <c>stat</c>).</summary>
    public static ToolResult Yosys(string directory, IEnumerable<string> files, string script, bool quiet = true) =>
        Run("yosys", [.. quiet ? new[] { "-q" } : [], "-p", $"read_verilog {string.Join(' ', files)}; {script}"], directory).EnsureSuccess();

    /// <summary>Builds <paramref name="files"/> (with a Verilog testbench <paramref name="top"/> using delays)
    /// with <c>verilator --binary</c> and runs it; returns the simulation's output.</summary>
    public static ToolResult VerilatorRun(string directory, IEnumerable<string> files, string top)
    {
        Run("verilator", ["--binary", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", top, "--Mdir", "obj_dir", "-o", "sim", .. files],
            directory).EnsureSuccess();
        return Run(Path.Combine(directory, "obj_dir", "sim"), [], directory).EnsureSuccess();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
