using Lpu.Architecture.Isa;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>Float ops in Verilator against the golden model: every f16 value for unary ops; edge
/// cases crossed and random pairs (plain, nearby, sign-flipped) for binary ops.</summary>
[Collection(SharedLane.Name)]
public sealed class VxmLaneFloatTests(LaneSimulator lane)
{
    public static TheoryData<VxmOp, DataType> BinaryCases()
    {
        var data = new TheoryData<VxmOp, DataType>();
        foreach (var op in new[] { VxmOp.Add, VxmOp.Sub, VxmOp.Mul, VxmOp.Min, VxmOp.Max })
        {
            data.Add(op, DataType.F16);
            data.Add(op, DataType.F32);
        }

        return data;
    }

    public static TheoryData<VxmOp> UnaryOps => [VxmOp.Mov, VxmOp.Neg, VxmOp.Abs, VxmOp.Relu];

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_op_matches_model(VxmOp op, DataType type) =>
        LaneCheck.Binary(lane, op, type, LaneVectors.Pairs(type, (int)op * 7 + (int)type, 60_000));

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void Unary_op_matches_model(VxmOp op)
    {
        LaneCheck.Unary(lane, op, DataType.F16, LaneVectors.All(16));
        LaneCheck.Unary(lane, op, DataType.F32, LaneVectors.Values(DataType.F32, (int)op));
    }

    [Theory]
    [InlineData(VxmOp.Mul, DataType.F16)]
    [InlineData(VxmOp.Mul, DataType.F32)]
    [InlineData(VxmOp.Add, DataType.F16)]
    [InlineData(VxmOp.Sub, DataType.F32)]
    public void Binary_op_matches_model_at_the_range_boundaries(VxmOp op, DataType type) =>
        LaneCheck.Binary(lane, op, type, BoundaryPairs(op, type, 60_000));

    /// <summary>Pairs whose result lands near the smallest normal or the largest finite number, with
    /// fractions of mostly ones so rounding carries across the boundary.</summary>
    private static IEnumerable<(uint A, uint B)> BoundaryPairs(VxmOp op, DataType type, int count)
    {
        var (e, m) = type == DataType.F16 ? (5, 10) : (8, 23);
        var bias = (1 << (e - 1)) - 1;
        var maxExponent = (1 << e) - 2;
        var random = new Random((int)op * 31 + (int)type);
        uint Fraction() => random.Next(0, 4) switch
        {
            0 => (uint)random.NextInt64(0, 1L << m),
            1 => 0, // significand 1.0: the product is the other significand exactly
            2 => (1u << m) - 1,
            _ => ((1u << m) - 1) ^ (1u << random.Next(0, m)) | (uint)random.Next(0, 2),
        };
        uint Make(int exponent) => (uint)random.Next(0, 2) << (e + m) | (uint)exponent << m | Fraction();
        for (var i = 0; i < count; i++)
        {
            var low = random.Next(0, 2) == 0;
            int ea, eb;
            if (op == VxmOp.Mul)
            {
                ea = random.Next(1, maxExponent + 1);
                var target = low ? bias + random.Next(-1, 3) : bias + maxExponent + random.Next(-1, 2);
                eb = Math.Clamp(target - ea, 1, maxExponent);
            }
            else
            {
                ea = low ? random.Next(1, 4) : random.Next(maxExponent - 2, maxExponent + 1);
                eb = Math.Clamp(ea + random.Next(-2, 3), 1, maxExponent);
            }

            yield return (Make(ea), Make(eb));
        }
    }

    [Fact]
    public void Float_rules_are_visible()
    {
        Assert.Equal(0x7FC0_0000u, lane.Run(VxmOp.Add, DataType.F32, 0x7F80_0000, 0xFF80_0000)); // inf - inf
        Assert.Equal(0x7E00u, lane.Run(VxmOp.Max, DataType.F16, 0x7C01, 0x3C00));
        Assert.Equal(0x0000u, lane.Run(VxmOp.Max, DataType.F16, 0x8000, 0x0000)); // -0 < +0
        Assert.Equal(0x8000_0000u, lane.Run(VxmOp.Mul, DataType.F32, 0x8080_0000, 0x3F00_0000)); // FTZ result
        Assert.Equal(0x7C00u, lane.Run(VxmOp.Mul, DataType.F16, 0x7BFF, 0x4000)); // overflow
    }
}
