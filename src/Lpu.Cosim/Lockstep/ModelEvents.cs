using Lpu.Model;
using Lpu.Model.Numerics;

namespace Lpu.Cosim.Lockstep;

/// <summary>Converts the golden model's events of one cycle into an <see cref="EventList"/>.</summary>
internal static class ModelEvents
{
    public static void Fill(CycleEvents source, EventList target)
    {
        target.Clear();
        foreach (ref readonly var e in source.Streams)
            source.Data(in e).CopyTo(target.AddStream(e.Position, e.Direction, e.Stream, e.Superlane, source.BytesPerEvent));
        foreach (ref readonly var e in source.SramWrites)
            source.Data(in e).CopyTo(target.AddSramWrite(e.Slice, e.Superlane, e.Address, source.BytesPerEvent));
        foreach (ref readonly var e in source.Ecc)
            target.AddEcc(e.Slice, e.Superlane, e.Address, e.Status == EccStatus.Corrected ? 1 : 2);
        foreach (ref readonly var e in source.Issues)
            target.AddIssue(e.Queue, e.Word);
        target.Sort();
    }
}
