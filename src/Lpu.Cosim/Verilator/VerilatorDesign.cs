using System.Text.RegularExpressions;

namespace Lpu.Cosim.Verilator;

/// <summary>
/// Everything a Verilator build needs: the Verilog sources, the top module, its ports (the order
/// gives the port indices used at run time), the clock port that <see cref="VerilatorSimulation.Tick()"/>
/// drives, and the build options. The constructor rejects a malformed description with one error
/// naming the offending item.
/// </summary>
public sealed partial class VerilatorDesign
{
    public VerilatorDesign(
        IEnumerable<VerilatorSource> sources,
        string topModule,
        IEnumerable<VerilatorPort> ports,
        string clockPort,
        VerilatorOptions? options = null)
    {
        Sources = [.. sources];
        TopModule = topModule;
        Ports = [.. ports];
        ClockPort = clockPort;
        Options = options ?? VerilatorOptions.Default;
        Validate();
        ClockIndex = PortIndex(clockPort);
    }

    public IReadOnlyList<VerilatorSource> Sources { get; }

    public string TopModule { get; }

    public IReadOnlyList<VerilatorPort> Ports { get; }

    public string ClockPort { get; }

    public int ClockIndex { get; }

    public VerilatorOptions Options { get; }

    /// <summary>The index of the named port; an unknown name is an error naming the module.</summary>
    public int PortIndex(string name)
    {
        for (var i = 0; i < Ports.Count; i++)
        {
            if (Ports[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"module '{TopModule}' has no port '{name}'", nameof(name));
    }

    private void Validate()
    {
        Check(Identifier().IsMatch(TopModule), $"top module name '{TopModule}' is not a plain Verilog identifier");
        Check(Sources.Count > 0, $"design '{TopModule}' has no Verilog sources");
        var fileNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            Check(FileName().IsMatch(source.FileName), $"source file name '{source.FileName}' of '{TopModule}' must be a plain file name (letters, digits, '_', '-', '.')");
            Check(fileNames.Add(source.FileName), $"source file name '{source.FileName}' appears twice in '{TopModule}'");
        }

        Check(Ports.Count > 0, $"design '{TopModule}' has no ports");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in Ports)
        {
            Check(Identifier().IsMatch(port.Name), $"port name '{port.Name}' of '{TopModule}' is not a plain Verilog identifier");
            Check(!ModelMembers.Contains(port.Name), $"port name '{port.Name}' of '{TopModule}' clashes with a member of Verilator's generated model class; rename the port");
            Check(names.Add(port.Name), $"port '{port.Name}' of '{TopModule}' is listed twice");
            Check(port.Width is >= 1 and <= VerilatorPort.MaxWidth, $"port '{port.Name}' of '{TopModule}' has width {port.Width}; expected 1..{VerilatorPort.MaxWidth}");
        }

        var clock = Ports.FirstOrDefault(p => p.Name == ClockPort);
        Check(clock is not null, $"clock port '{ClockPort}' is not among the ports of '{TopModule}'");
        Check(clock!.Width == 1 && clock.Direction == PortDirection.Input, $"clock port '{ClockPort}' of '{TopModule}' must be a 1-bit input");
        Check(Options.TraceDepth >= 1, $"trace depth {Options.TraceDepth} of '{TopModule}' must be at least 1");
        Check(Options.Jobs >= 1, $"job count {Options.Jobs} of '{TopModule}' must be at least 1");
    }

    /// <summary>Members of Verilator 5's model class that a port of the same name would clash with (the C++ fails to compile).</summary>
    private static readonly HashSet<string> ModelMembers = new(StringComparer.Ordinal)
    {
        "trace", "eval", "eval_step", "eval_end_step", "final", "contextp", "rootp", "vlSymsp", "name", "hierName",
        "modelName", "threads", "prepareClone", "atClone", "traceBaseModelp",
    };

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex FileName();
}
