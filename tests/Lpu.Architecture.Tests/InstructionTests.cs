using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Tests;

public class InstructionTests
{
    [Fact]
    public void Read_encoding_by_hand()
    {
        // opcode 0x10 in [63:56], a = 5 in [55:40], dst = e3 in [39:33].
        var i = Instruction.Create("read", 5, StreamRef.East(3));
        Assert.Equal(0x1000_0506_0000_0000UL, i.Encode());
        Assert.Equal("read 5, e3", i.ToString());
    }

    [Fact]
    public void Vxm_encoding_by_hand()
    {
        // opcode 0x20, type i32 = 2 in [55:53], dst e4 in [52:46], a e0 in [45:39], b w8 = 64 + 8 in [38:32].
        var i = Instruction.Create("add", DataType.I32, StreamRef.East(4), StreamRef.East(0), StreamRef.West(8));
        Assert.Equal(0x2041_0048_0000_0000UL, i.Encode());
        Assert.Equal("add.i32 e4, e0, w8", i.ToString());
    }

    [Fact]
    public void Signed_step_round_trips()
    {
        // repeat: n [55:40], d [39:24], step [23:8]; step -1 = 0xffff.
        var i = Instruction.Create("repeat", 3, 2, -1);
        Assert.Equal(0x0100_0300_02FF_FF00UL, i.Encode());
        Assert.Equal(-1, Instruction.Decode(i.Encode())["step"]);
    }

    [Fact]
    public void Every_table_row_round_trips_with_extreme_operands()
    {
        foreach (var spec in InstructionSet.All)
        {
            foreach (var pick in new Func<OperandField, long>[] { f => f.Min, f => f.Max })
            {
                var values = spec.Fields.Select(f => f.Kind == OperandKind.Type ? (long)DataType.F32 : pick(f)).ToArray();
                var i = new Instruction(spec, values);
                var back = Instruction.Decode(i.Encode());
                Assert.Same(spec, back.Spec);
                Assert.Equal(values, back.Operands);
            }
        }
    }

    [Fact]
    public void Table_has_unique_opcodes_and_mnemonics_and_fields_fit()
    {
        Assert.Equal(InstructionSet.All.Count, InstructionSet.All.Select(s => s.Opcode).Distinct().Count());
        Assert.Equal(InstructionSet.All.Count, InstructionSet.All.Select(s => s.Mnemonic).Distinct().Count());
        foreach (var s in InstructionSet.All)
            Assert.All(s.Fields, f => Assert.True(f.Lsb >= 0 && f.Msb <= 55, s.Mnemonic));
    }

    [Fact]
    public void Decode_rejects_unknown_opcode_and_stray_bits()
    {
        Assert.Contains("unknown opcode 0xff", Assert.Throws<FormatException>(() => Instruction.Decode(0xFF00_0000_0000_0000UL)).Message);
        Assert.Contains("unused bits", Assert.Throws<FormatException>(() => Instruction.Decode(0x0200_0000_0000_0001UL)).Message);
    }

    [Fact]
    public void Operand_out_of_field_range_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Instruction.Create("read", 70000, StreamRef.East(0)));
        Assert.Contains("operand a must be in [0, 65535], got 70000", e.Message);
    }

    [Fact]
    public void Max_latency_is_sl_plus_2()
    {
        Assert.Equal(22, InstructionSet.MaxLatency(Configuration.Presets.Get("tsp")));
        Assert.Equal(4, InstructionSet.MaxLatency(Configuration.Presets.Get("small")));
    }
}
