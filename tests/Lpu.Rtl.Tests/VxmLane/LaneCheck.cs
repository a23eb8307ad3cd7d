using Lpu.Architecture.Isa;
using Lpu.Model.Numerics;

namespace Lpu.Rtl.Tests.VxmLane;

/// <summary>Compares the lane with the golden model's element functions and fails on the first
/// mismatch, naming the operation, the inputs, the expected and the actual result.</summary>
public static class LaneCheck
{
    public static ElementType Element(DataType type) => Enum.Parse<ElementType>(type.ToString());

    public static VxmOp Function(VxmOp op) => Enum.Parse<VxmOp>(op.ToString());

    /// <summary>Checks <c>op.type</c> on every (a, b) pair; returns the number of vectors.</summary>
    public static int Binary(LaneSimulator lane, VxmOp op, DataType type, IEnumerable<(uint A, uint B)> vectors)
    {
        var count = 0;
        foreach (var (a, b) in vectors)
        {
            var expected = VxmElement.Apply(Function(op), Element(type), a, b);
            var actual = lane.Run(op, type, a, b);
            if (actual != expected)
                Assert.Fail($"{Name(op)}.{Name(type)} a=0x{a:X8} b=0x{b:X8}: expected 0x{expected:X8}, lane gave 0x{actual:X8}");
            count++;
        }

        return count;
    }

    /// <summary>Checks the unary <c>op.type</c> on every input.</summary>
    public static int Unary(LaneSimulator lane, VxmOp op, DataType type, IEnumerable<uint> inputs) =>
        Binary(lane, op, type, inputs.Select(a => (a, 0u)));

    /// <summary>Checks <c>cvt.from.to</c> on every input.</summary>
    public static int Convert(LaneSimulator lane, DataType from, DataType to, IEnumerable<uint> inputs)
    {
        var count = 0;
        foreach (var a in inputs)
        {
            var expected = VxmElement.Convert(Element(from), Element(to), a);
            var actual = lane.Run(VxmOp.Cvt, DataType.I8, a, 0, from, to);
            if (actual != expected)
                Assert.Fail($"cvt.{Name(from)}.{Name(to)} a=0x{a:X8}: expected 0x{expected:X8}, lane gave 0x{actual:X8}");
            count++;
        }

        return count;
    }

    public static string Name(VxmOp op) => op.ToString().ToLowerInvariant();

    public static string Name(DataType type) => type.ToString().ToLowerInvariant();
}
