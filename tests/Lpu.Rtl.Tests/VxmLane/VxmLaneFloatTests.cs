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
