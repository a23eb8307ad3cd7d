using System.Text;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// The first cycle in which the RTL and the golden model disagree: where (unit, superlane, lane),
/// on what (signal), the values, the instructions issued just before, and the waveform file.
/// </summary>
public sealed record Divergence(
    long Cycle,
    string Unit,
    int Superlane,
    int? Lane,
    string Signal,
    string Expected,
    string Actual,
    IReadOnlyList<string> RecentIssues)
{
    /// <summary>For a stream value: the issue that produced it (found from the timing rule), if still known.</summary>
    public string? Cause { get; init; }

    /// <summary>The VCD of the cycles around the divergence, when one was written.</summary>
    public string? VcdPath { get; init; }

    /// <summary>A multi-line report for people.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var lane = Lane is { } l ? $", lane {l}" : "";
        text.AppendLine($"divergence at cycle {Cycle}: {Unit}, superlane {Superlane}{lane}: {Signal}");
        text.AppendLine($"  expected (model) {Expected}");
        text.AppendLine($"  actual   (RTL)   {Actual}");
        if (Cause is not null)
            text.AppendLine($"  produced by      {Cause}");
        if (RecentIssues.Count > 0)
        {
            text.AppendLine("  last instructions issued:");
            foreach (var issue in RecentIssues)
                text.AppendLine($"    {issue}");
        }

        if (VcdPath is not null)
            text.AppendLine($"  waveform: {VcdPath}");
        return text.ToString().TrimEnd();
    }
}
