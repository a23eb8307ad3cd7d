using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Cosim.Lockstep;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Cosim;

/// <summary>
/// The lockstep read path without Verilator: words as the shim copies them (the summary, then each
/// set field's pieces word-aligned, docs/rtl.md "Event port") decoded for <c>small</c> (L = 4), and
/// the comparison's report when the RTL has an event too many or too few.
/// </summary>
public class EventReadTests
{
    private static readonly LpuConfig Small = Presets.Get("small");
    private static readonly RtlDesign Design = RtlGenerator.Generate(Small);

    [Fact]
    public void A_cycle_with_no_events_decodes_to_none()
    {
        var events = Decode([]);
        Assert.Equal(0, events.Count);
    }

    [Fact]
    public void An_event_in_the_last_field_is_decoded()
    {
        var last = Design.Trace.Fields.Count - 1;
        Assert.Equal(Design.Trace.Find(TraceKind.Issue, 21), Design.Trace.Fields[last]);

        var events = Decode([(last, [0x89abcdef, 0x01234567])]);

        var e = Assert.Single(events.Events.ToArray());
        Assert.Equal((EventKind.Issue, 21, 0x0123456789abcdefUL), (e.Kind, e.A, e.Value));
    }

    [Fact]
    public void Many_events_in_one_cycle_come_out_in_key_order()
    {
        var events = Decode(
        [
            (Field(TraceKind.MemStream, 0, 1), [64 + 3, 0x04030201]),                   // w3 from slice 0 (position 5)
            (Field(TraceKind.MemStream, 5, 0), [1, 0x0d0c0b0a]),                        // e1 from slice 5 (position 8)
            (Field(TraceKind.VxmStream, 1, 0), [5 | (2 << 7), 0x14131211, 0x24232221, 0, 0]),   // e5 and e6 from ALU 1
            (Field(TraceKind.SramWrite, 7, 1), [300, 0xdeadbeef]),
            (Field(TraceKind.Ecc, 2, 0), [2 | (9 << 2)]),                                // uncorrectable, word 9
            (Field(TraceKind.Issue, 0), [0x55667788, 0x11223344]),
        ]);

        var (w, e) = ((int)Direction.West, (int)Direction.East);
        Assert.Equal(
            [
                (EventKind.Stream, 5, w, 3, 1, 0UL, "01020304"),
                (EventKind.Stream, 6, e, 5, 0, 0UL, "11121314"),
                (EventKind.Stream, 6, e, 6, 0, 0UL, "21222324"),
                (EventKind.Stream, 8, e, 1, 0, 0UL, "0a0b0c0d"),
                (EventKind.SramWrite, 7, 1, 300, 0, 0UL, "efbeadde"),
                (EventKind.Ecc, 2, 0, 9, 0, 2UL, ""),
                (EventKind.Issue, 0, 0, 0, 0, 0x1122334455667788UL, ""),
            ],
            events.Events.ToArray().Select(x => (x.Kind, x.A, x.B, x.C, x.D, x.Value, Convert.ToHexString(events.Data(in x)).ToLowerInvariant())));
    }

    [Fact]
    public void An_sram_write_the_rtl_misses_is_reported_as_missing()
    {
        var expected = new EventList();
        new byte[] { 1, 2, 3, 4 }.CopyTo(expected.AddSramWrite(1, 0, 5, 4));
        expected.AddIssue(0, 0x1122334455667788);
        var actual = new EventList();
        actual.AddIssue(0, 0x1122334455667788);

        var d = Compare(expected, actual);

        Assert.NotNull(d);
        Assert.Equal((12L, "MEM slice 1 (mem.w.1)", 0, (int?)null), (d.Cycle, d.Unit, d.Superlane, d.Lane));
        Assert.Equal(("SRAM write of word 5", "write 01020304", "no write"), (d.Signal, d.Expected, d.Actual));
    }

    [Fact]
    public void An_issue_only_the_rtl_reports_is_reported_as_extra()
    {
        var expected = new EventList();
        var actual = new EventList();
        actual.AddIssue(18, 0x2000800100000000);

        var d = Compare(expected, actual);

        Assert.NotNull(d);
        Assert.Equal(("queue vxm.0", "instruction issue"), (d.Unit, d.Signal));
        Assert.Equal(("no issue", "add.i8 e2, e0, e1  (0x2000800100000000)"), (d.Expected, d.Actual));
    }

    [Fact]
    public void A_wrong_byte_is_reported_with_its_lane_and_equal_lists_match()
    {
        var expected = new EventList();
        new byte[] { 1, 2, 3, 4 }.CopyTo(expected.AddStream(6, Direction.East, 2, 1, 4));
        var actual = new EventList();
        new byte[] { 1, 2, 9, 4 }.CopyTo(actual.AddStream(6, Direction.East, 2, 1, 4));
        var same = new EventList();
        new byte[] { 1, 2, 3, 4 }.CopyTo(same.AddStream(6, Direction.East, 2, 1, 4));

        var d = Compare(expected, actual);

        Assert.Null(Compare(expected, same));
        Assert.NotNull(d);
        Assert.Equal(("VXM", 1, (int?)6, "stream e2 at position 6"), (d.Unit, d.Superlane, d.Lane, d.Signal));
        Assert.Equal(("0x03 (vector 01020304)", "0x09 (vector 01020904)"), (d.Expected, d.Actual));
    }

    [Fact]
    public void Events_added_out_of_order_are_kept_in_key_order()
    {
        var list = new EventList();
        list.AddIssue(3, 1);
        list.AddEcc(0, 0, 0, 1);
        new byte[] { 7 }.CopyTo(list.AddStream(9, Direction.East, 0, 0, 1));
        new byte[] { 5 }.CopyTo(list.AddStream(2, Direction.West, 1, 0, 1));

        Assert.Equal(
            [(EventKind.Stream, 2, "05"), (EventKind.Stream, 9, "07"), (EventKind.Ecc, 0, ""), (EventKind.Issue, 3, "")],
            list.Events.ToArray().Select(x => (x.Kind, x.A, Convert.ToHexString(list.Data(in x)))));
    }

    private static int Field(TraceKind kind, int unit, int superlane = 0)
    {
        var fields = Design.Trace.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Kind == kind && fields[i].Unit == unit && fields[i].Superlane == superlane)
                return i;
        }

        throw new ArgumentException($"no {kind} field for unit {unit}, superlane {superlane}");
    }

    /// <summary>The words the shim would copy: the summary words, then the given fields' words in field order.</summary>
    private static EventList Decode((int Field, uint[] Words)[] set)
    {
        var summary = new uint[(Design.Trace.Fields.Count + 31) / 32];
        foreach (var (field, _) in set)
            summary[field / 32] |= 1u << (field % 32);
        var words = summary.Concat(set.OrderBy(s => s.Field).SelectMany(s => s.Words)).ToArray();
        var events = new EventList();
        new TraceDecoder(Small, Design.Trace).Decode(words, events);
        return events;
    }

    private static Divergence? Compare(EventList expected, EventList actual)
    {
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of("sim/programs/vector_ops.s")), Small, "vector_ops.s");
        return EventDiff.First(program, 12, expected, actual, Array.Empty<(long, int, ulong)>());
    }
}
