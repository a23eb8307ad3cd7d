using Lpu.Architecture.Isa;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary><c>cvt</c>, <c>requant</c> and the i8 tables in Verilator against the golden model.</summary>
[Collection(SharedLane.Name)]
public sealed class VxmLaneConversionTests(LaneSimulator lane)
{
    public static TheoryData<DataType, DataType> Pairs => new()
    {
        { DataType.I8, DataType.I16 }, { DataType.I8, DataType.I32 }, { DataType.I16, DataType.I8 },
        { DataType.I16, DataType.I32 }, { DataType.I32, DataType.I8 }, { DataType.I32, DataType.I16 },
        { DataType.I32, DataType.F32 }, { DataType.F32, DataType.I32 }, { DataType.F16, DataType.F32 },
        { DataType.F32, DataType.F16 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Conversion_matches_model(DataType from, DataType to)
    {
        var inputs = from switch
        {
            DataType.I8 => LaneVectors.All(8),
            DataType.I16 or DataType.F16 => LaneVectors.All(16),
            _ => LaneVectors.Values(from, (int)from * 8 + (int)to, 100_000),
        };
        LaneCheck.Convert(lane, from, to, inputs);
    }

    [Fact]
    public void F32_to_f16_matches_model_around_the_f16_range()
    {
        // Exponents 100..145 cover the flush, the smallest-normal rounding and the overflow edges.
        var random = new Random(5);
        var inputs = Enumerable.Range(0, 100_000).Select(_ =>
            (uint)random.Next(0, 2) << 31 | (uint)random.Next(100, 146) << 23 | (uint)random.Next(0, 1 << 23));
        LaneCheck.Convert(lane, DataType.F32, DataType.F16, inputs);
    }

    [Fact]
    public void F32_to_i32_matches_model_around_the_i32_range()
    {
        var random = new Random(6);
        var inputs = Enumerable.Range(0, 100_000).Select(_ =>
            (uint)random.Next(0, 2) << 31 | (uint)random.Next(120, 162) << 23 | (uint)random.Next(0, 1 << 23)
            // Half the values get few fraction bits so exact halves (ties) are common.
            & (random.Next(0, 2) == 0 ? 0xFFFF_FFFFu : 0xFFFF_0000u));
        LaneCheck.Convert(lane, DataType.F32, DataType.I32, inputs);
    }

    [Fact]
    public void Requant_matches_model()
    {
        var random = new Random(9);
        var a = LaneVectors.Edges(DataType.I32).Concat(Enumerable.Range(0, 40).Select(_ => (uint)random.NextInt64(0, 1L << 32))).ToList();
        short[] scales = [0, 1, -1, 2, short.MaxValue, short.MinValue, -32767, 1000, -1000, 127, 0x4000];
        foreach (var x in a)
        {
            foreach (var scale in scales.Append((short)random.Next(short.MinValue, short.MaxValue + 1)))
            {
                for (var shift = 0; shift < 64; shift++)
                {
                    var expected = Lpu.Model.Numerics.VxmElement.Requant((int)x, scale, shift);
                    var actual = lane.Run(VxmOp.Requant, DataType.I32, x, 0, scaleValue: scale, shiftValue: shift);
                    if (actual != expected)
                        Assert.Fail($"requant a=0x{x:X8} scale={scale} shift={shift}: expected 0x{expected:X8}, lane gave 0x{actual:X8}");
                }
            }
        }
    }

    [Theory]
    [InlineData(VxmOp.Tanh)]
    [InlineData(VxmOp.Exp)]
    [InlineData(VxmOp.Rsqrt)]
    public void Table_matches_model_on_every_input(VxmOp op) =>
        Assert.Equal(256, LaneCheck.Unary(lane, op, DataType.I8, LaneVectors.All(8)));
}
