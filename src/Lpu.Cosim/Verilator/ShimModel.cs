using System.Text.RegularExpressions;

namespace Lpu.Cosim.Verilator;

/// <summary>The values the sim/templates/verilator-*.hbs templates are rendered with.</summary>
internal sealed partial class ShimModel
{
    public const string LibraryName = "model.so";

    public ShimModel(VerilatorDesign design)
    {
        Top = design.TopModule;
        Clock = design.ClockPort;
        Trace = design.Options.Trace;
        Jobs = design.Options.Jobs;
        VerilatorFlags = [.. design.Options.VerilatorFlags().Select(ShellQuote)];
        Ports = [.. design.Ports.Select((port, index) => new ShimPort(port, index))];
    }

    public string Top { get; }

    public string Clock { get; }

    public bool Trace { get; }

    public int Jobs { get; }

    public string Library => LibraryName;

    public IReadOnlyList<string> VerilatorFlags { get; }

    public IReadOnlyList<ShimPort> Ports { get; }

    public int PortCount => Ports.Count;

    /// <summary>Quotes a word for bash unless it is made only of characters bash leaves alone.</summary>
    internal static string ShellQuote(string word) =>
        word.Length > 0 && PlainWord().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''") + "'";

    [GeneratedRegex("^[A-Za-z0-9_+=.,:/@%-]+$")]
    private static partial Regex PlainWord();
}
