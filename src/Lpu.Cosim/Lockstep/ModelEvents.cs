using Lpu.Model;
using Lpu.Model.Numerics;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// The golden model's events of one cycle against an <see cref="EventList"/>. The model lists each
/// kind sorted by the same fields the key orders by, and the kinds come in key order, so
/// <see cref="Matches"/> walks both once, comparing packed keys, values and bytes; only when they
/// differ does <see cref="Fill"/> copy the model's events into a list for the report.
/// </summary>
internal static class ModelEvents
{
    /// <summary>True when <paramref name="actual"/> holds exactly the events of <paramref name="source"/>.</summary>
    public static bool Matches(CycleEvents source, EventList actual)
    {
        var got = actual.Events;
        if (got.Length != source.Count)
            return false;
        var i = 0;
        foreach (ref readonly var e in source.Streams)
        {
            ref readonly var a = ref got[i++];
            if (a.Key != ObservedEvent.MakeKey(EventKind.Stream, e.Position, (int)e.Direction, e.Stream, e.Superlane) || !source.Data(in e).SequenceEqual(actual.Data(in a)))
                return false;
        }

        foreach (ref readonly var e in source.SramWrites)
        {
            ref readonly var a = ref got[i++];
            if (a.Key != ObservedEvent.MakeKey(EventKind.SramWrite, e.Slice, e.Superlane, e.Address, 0) || !source.Data(in e).SequenceEqual(actual.Data(in a)))
                return false;
        }

        foreach (ref readonly var e in source.Ecc)
        {
            ref readonly var a = ref got[i++];
            if (a.Key != ObservedEvent.MakeKey(EventKind.Ecc, e.Slice, e.Superlane, e.Address, 0) || a.Value != Status(e.Status))
                return false;
        }

        foreach (ref readonly var e in source.Issues)
        {
            ref readonly var a = ref got[i++];
            if (a.Key != ObservedEvent.MakeKey(EventKind.Issue, e.Queue, 0, 0, 0) || a.Value != e.Word)
                return false;
        }

        return true;
    }

    /// <summary>Copies the model's events into <paramref name="target"/> (every add lands at the end).</summary>
    public static void Fill(CycleEvents source, EventList target)
    {
        target.Clear();
        foreach (ref readonly var e in source.Streams)
            source.Data(in e).CopyTo(target.AddStream(e.Position, e.Direction, e.Stream, e.Superlane, source.BytesPerEvent));
        foreach (ref readonly var e in source.SramWrites)
            source.Data(in e).CopyTo(target.AddSramWrite(e.Slice, e.Superlane, e.Address, source.BytesPerEvent));
        foreach (ref readonly var e in source.Ecc)
            target.AddEcc(e.Slice, e.Superlane, e.Address, (int)Status(e.Status));
        foreach (ref readonly var e in source.Issues)
            target.AddIssue(e.Queue, e.Word);
    }

    private static ulong Status(EccStatus status) => status == EccStatus.Corrected ? 1UL : 2UL;
}
