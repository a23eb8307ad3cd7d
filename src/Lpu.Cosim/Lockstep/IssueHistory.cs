using System.Collections;
using Lpu.Model;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// The last <see cref="EventDiff.History"/> issues, oldest first: a fixed ring written once per
/// issue (no allocation, no bookkeeping per cycle); enumerated only to build a report.
/// </summary>
internal sealed class IssueHistory : IEnumerable<(long Cycle, int Queue, ulong Word)>
{
    private const int Capacity = EventDiff.History;
    private readonly (long Cycle, int Queue, ulong Word)[] ring = new (long, int, ulong)[Capacity];
    private long written;

    /// <summary>Keeps the issues of <paramref name="events"/>, dropping the oldest beyond the capacity.</summary>
    public void Add(CycleEvents events)
    {
        foreach (ref readonly var issue in events.Issues)
            ring[(int)(written++ % Capacity)] = (events.Cycle, issue.Queue, issue.Word);
    }

    /// <inheritdoc/>
    public IEnumerator<(long Cycle, int Queue, ulong Word)> GetEnumerator()
    {
        for (var i = Math.Max(0, written - Capacity); i < written; i++)
            yield return ring[(int)(i % Capacity)];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
