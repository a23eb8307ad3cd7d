using Lpu.Architecture.Isa;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>Integer ops in Verilator against the golden model: all i8 pairs, i16/i32 edges and random.</summary>
[Collection(SharedLane.Name)]
public sealed class VxmLaneIntegerTests(LaneSimulator lane)
{
    public static TheoryData<VxmOp> BinaryOps => [VxmOp.Add, VxmOp.Sub, VxmOp.Mul, VxmOp.Min, VxmOp.Max, VxmOp.And, VxmOp.Or, VxmOp.Xor];

    public static TheoryData<VxmOp> UnaryOps => [VxmOp.Mov, VxmOp.Neg, VxmOp.Abs, VxmOp.Relu, VxmOp.Not];

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void I8_binary_op_matches_model_on_every_pair(VxmOp op) =>
        Assert.Equal(65536, LaneCheck.Binary(lane, op, DataType.I8, LaneVectors.AllPairs(8)));

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void Wide_binary_op_matches_model(VxmOp op)
    {
        LaneCheck.Binary(lane, op, DataType.I16, LaneVectors.Pairs(DataType.I16, (int)op));
        LaneCheck.Binary(lane, op, DataType.I32, LaneVectors.Pairs(DataType.I32, 100 + (int)op));
    }

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void Unary_op_matches_model(VxmOp op)
    {
        LaneCheck.Unary(lane, op, DataType.I8, LaneVectors.All(8));
        LaneCheck.Unary(lane, op, DataType.I16, LaneVectors.All(16));
        LaneCheck.Unary(lane, op, DataType.I32, LaneVectors.Values(DataType.I32, (int)op));
    }

    [Fact]
    public void Saturation_is_visible()
    {
        // The checks above compare with the model; these pin the rule itself.
        Assert.Equal(0x7Fu, lane.Run(VxmOp.Add, DataType.I8, 0x7F, 0x01));
        Assert.Equal(0x7FFF_FFFFu, lane.Run(VxmOp.Mul, DataType.I32, 0x8000_0000, 0xFFFF_FFFF));
        Assert.Equal(0x7FFFu, lane.Run(VxmOp.Abs, DataType.I16, 0x8000));
    }
}
