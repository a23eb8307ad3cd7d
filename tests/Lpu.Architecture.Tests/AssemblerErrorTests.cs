using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;

namespace Lpu.Architecture.Tests;

public class AssemblerErrorTests
{
    private static string Error(string source, string preset = "small")
    {
        var e = Assert.Throws<AssemblyException>(() => Assembler.Assemble(source, Presets.Get(preset), "t.s"));
        return Assert.Single(e.Diagnostics).ToString();
    }

    [Fact]
    public void Unknown_mnemonic() =>
        Assert.Equal("t.s:2:5: unknown mnemonic 'frob'", Error("mem.w.0:\n    frob 1\n"));

    [Fact]
    public void Bad_stream_operand() =>
        Assert.Equal("t.s:2:13: bad stream 'x9' for dst: expected e<n> or w<n>", Error("mem.w.0:\n    read 3, x9\n"));

    [Fact]
    public void Bad_number_operand() =>
        Assert.Equal("t.s:2:10: bad number '3z' for a", Error("mem.w.0:\n    read 3z, e0\n"));

    [Fact]
    public void Missing_operand() =>
        Assert.Equal("t.s:2:5: read expects 2 operands (a, dst), got 1", Error("mem.w.0:\n    read 3\n"));

    [Fact]
    public void Unknown_data_type_points_at_the_suffix() =>
        Assert.Equal("t.s:2:9: unknown data type 'i7' (i8 i16 i32 f16 f32)", Error("vxm.0:\n    add.i7 e0, e0, e0\n"));

    [Fact]
    public void Address_out_of_range() =>
        Assert.Equal("t.s:2:10: address 300 out of range [0, 256)", Error("mem.w.0:\n    read 300, e0\n"));

    [Fact]
    public void Stream_out_of_range() =>
        Assert.Equal("t.s:2:13: stream w8 out of range: the last stream is w7", Error("mem.w.0:\n    read 0, w8\n"));

    [Fact]
    public void Stream_span_out_of_range() =>
        Assert.Equal("t.s:2:13: stream e6 spans e6..e9, past the last stream e7", Error("vxm.0:\n    add.i32 e6, e0, e0\n"));

    [Fact]
    public void Lane_amount_out_of_range() =>
        Assert.Equal("t.s:2:12: rotate amount 4 out of range [0, 4)", Error("sxm.e.rot.0:\n    rotate 4, e0, e0\n"));

    [Fact]
    public void Permute_map_entry_out_of_range() =>
        Assert.Equal("t.s:1:39: permute map entry 7 = 8 out of range [0, 8)", Error(".permute sxm.w.perm.0 0 0 1 2 3 4 5 6 8\n"));

    [Fact]
    public void Unloaded_map() =>
        Assert.Equal("t.s:2:13: map 1 is not loaded in sxm.w.perm.0", Error("sxm.w.perm.0:\n    permute 1, e0, e0\n"));

    [Fact]
    public void Accumulator_row_out_of_range() =>
        Assert.Equal("t.s:2:9: accumulator row 16 out of range [0, 16)", Error("mxm.0.c:\n    acc 16, e0\n"));

    [Fact]
    public void Unknown_queue() =>
        Assert.Equal("t.s:1:1: unknown queue 'mxm.1.a' in this configuration", Error("mxm.1.a:\n    abc e0, 0, set\n"));

    [Fact]
    public void Unit_the_configuration_lacks() =>
        Assert.Equal("t.s:1:1: unknown queue 'sxm.w.shift.0' in this configuration", Error("sxm.w.shift.0:\n    shift.up 1, e0, e0\n", "ice40"));

    [Fact]
    public void Instruction_on_the_wrong_unit() =>
        Assert.Equal("t.s:2:5: read is a MEM instruction and cannot issue on queue vxm.0", Error("vxm.0:\n    read 0, e0\n"));

    [Fact]
    public void Instruction_on_the_wrong_mxm_queue() =>
        Assert.Equal("t.s:2:5: abc belongs on queue mxm.0.a, not mxm.0.w", Error("mxm.0.w:\n    abc e0, 0, set\n"));

    [Fact]
    public void Data_type_the_configuration_lacks() =>
        Assert.Equal("t.s:2:9: data type i32 is not in vxm.dataTypes of this configuration", Error("vxm.0:\n    add.i32 e0, e0, e0\n", "ice40"));

    [Fact]
    public void Operation_the_configuration_lacks() =>
        Assert.Equal("t.s:2:5: operation tanh is not in vxm.ops of this configuration", Error("vxm.0:\n    tanh.i8 e0, e0\n", "ice40"));

    [Fact]
    public void Operation_undefined_for_the_type() =>
        Assert.Equal("t.s:2:9: and is not defined for f32 (types: i8 i16 i32)", Error("vxm.0:\n    and.f32 e0, e0, e4\n"));

    [Fact]
    public void Two_producers_on_one_stream_register_in_one_cycle() =>
        // Both ALUs sit at the VXM position 6 and issue at 0 with d = 2.
        Assert.Equal("t.s:4:12: two results due in stream e1 at position 6 in cycle 2 (the other from vxm.0)",
            Error("vxm.0:\n    add.i8 e1, e0, e0\nvxm.1:\n    add.i8 e1, e2, e2\n"));

    [Fact]
    public void Read_write_bank_conflict() =>
        // write at 0 uses the SRAM in cycle 1; read at 1 too; both bank 0.
        Assert.Equal("t.s:3:5: bank conflict on mem.w.0 in cycle 1: read and write of bank 0",
            Error("mem.w.0:\n    write 1, e1\n    read 2, e0\n"));

    [Fact]
    public void Read_and_write_of_different_banks_is_fine() =>
        Assert.Single(Assembler.Assemble("mem.w.0:\n    write 200, e1\n    read 2, e0\n", Presets.Get("small")).Queues[0].Skip(1));

    [Fact]
    public void Access_overlapping_a_gather() =>
        // gather at 0 uses both banks in cycle 1; the read at 1 too.
        Assert.Equal("t.s:3:5: bank conflict on mem.w.0 in cycle 1: gather occupies both banks",
            Error("mem.w.0:\n    gather e0, e1\n    read 2, e2\n"));

    [Fact]
    public void Abc_while_the_plane_installs_weights() =>
        // iw at 0 with SL = 2: busy in (0, 4); the abc issues at 1.
        Assert.Equal("t.s:5:5: abc issued in cycle 1 while plane 0 installs weights (iw in cycle 0, busy until 4)",
            Error("mxm.0.w:\n    iw\nmxm.0.a:\n    nop 1\n    abc e0, 0, set\n"));

    [Fact]
    public void Queue_overflow_points_at_the_first_instruction_past_the_depth()
    {
        // ice40 holds 256 instructions per queue; the 257th is on line 258.
        var source = "mem.w.0:\n" + string.Concat(Enumerable.Repeat("    nop 1\n", 257));
        Assert.Equal("t.s:258:5: queue mem.w.0 overflows: 257 instructions, icu.queueDepth is 256", Error(source, "ice40"));
    }

    [Fact]
    public void Sync_that_waits_forever() =>
        Assert.Equal("t.s:2:5: sync waits forever: no notify at or after cycle 0", Error("mem.w.0:\n    sync\n    read 0, e0\n"));

    [Fact]
    public void Repeat_step_past_the_last_word() =>
        // read 250 stepped by 3: 253, then 256 = W.
        Assert.Equal("t.s:3:18: repetition in cycle 2 takes a to 256, outside [0, 256)",
            Error("mem.w.0:\n    read 250, e0\n    repeat 2, 1, 3\n"));

    [Fact]
    public void Data_out_of_range() =>
        Assert.Equal("t.s:1:9: words [255, 257) out of range [0, 256)",
            Error(".data 0 255\n    .bytes 0 0 0 0 0 0 0 0\n    .bytes 0 0 0 0 0 0 0 0\n"));

    [Fact]
    public void Overlapping_data_blocks() =>
        // Words [3, 5) of slice 1, then [4, 5): word 4 twice.
        Assert.Equal("t.s:4:9: words [4, 5) of slice 1 overlap the .data block on line 1",
            Error(".data 1 3\n    .i16 0 0 0 0 0 0 0 0\n; again\n.data 1 4\n    .bytes 0 0 0 0 0 0 0 0\n"));

    [Fact]
    public void Data_line_with_the_wrong_length() =>
        Assert.Equal("t.s:2:5: .i8 expects 8 values (one per lane), got 3", Error(".data 0 0\n    .i8 1 2 3\n"));

    [Fact]
    public void All_errors_are_reported_together_sorted_by_position()
    {
        var e = Assert.Throws<AssemblyException>(() => Assembler.Assemble(
            "mem.w.0:\n    read 300, e0\n    frob\nvxm.0:\n    add.i8 e0, e0, e9\n", Presets.Get("small"), "t.s"));
        Assert.Equal(
            ["t.s:2:10: address 300 out of range [0, 256)", "t.s:3:5: unknown mnemonic 'frob'", "t.s:5:20: stream e9 out of range: the last stream is e7"],
            e.Diagnostics.Select(d => d.ToString()));
    }
}
