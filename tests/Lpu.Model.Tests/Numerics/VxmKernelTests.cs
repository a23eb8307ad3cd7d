using Lpu.Architecture.Isa;
using Lpu.Model.Numerics;

namespace Lpu.Model.Tests.Numerics;

public class VxmKernelTests
{
    [Theory]
    [InlineData(VxmOp.Add)]
    [InlineData(VxmOp.Sub)]
    [InlineData(VxmOp.Mul)]
    [InlineData(VxmOp.Relu)]
    [InlineData(VxmOp.Mov)]
    [InlineData(VxmOp.Max)]
    public void I8_kernel_matches_clamped_integer_math_on_every_pair(VxmOp f)
    {
        var a = new byte[65536];
        var b = new byte[65536];
        for (var i = 0; i < 65536; i++)
        {
            a[i] = (byte)(i >> 8);
            b[i] = (byte)i;
        }

        var result = new byte[65536];
        VxmKernel.Apply(f, ElementType.I8, a, b, result, 65536);
        for (var i = 0; i < 65536; i++)
        {
            int x = (sbyte)a[i], y = (sbyte)b[i];
            var expected = f switch
            {
                VxmOp.Add => Math.Clamp(x + y, -128, 127),
                VxmOp.Sub => Math.Clamp(x - y, -128, 127),
                VxmOp.Mul => Math.Clamp(x * y, -128, 127),
                VxmOp.Relu => x < 0 ? 0 : x,
                VxmOp.Mov => x,
                _ => x > y ? x : y,
            };
            Assert.Equal((byte)(sbyte)expected, result[i]);
        }
    }

    [Fact]
    public void Multi_byte_lanes_are_little_endian_across_planes()
    {
        // two i16 lanes: 0x0102 and 0x7FFF in planes [lo0 lo1 | hi0 hi1]
        byte[] a = [0x02, 0xFF, 0x01, 0x7F];
        byte[] b = [0x01, 0x01, 0x00, 0x00];
        var result = new byte[4];
        VxmKernel.Apply(VxmOp.Add, ElementType.I16, a, b, result, 2);
        Assert.Equal(new byte[] { 0x03, 0xFF, 0x01, 0x7F }, result); // 0x0103 and saturated 0x7FFF
    }
}
