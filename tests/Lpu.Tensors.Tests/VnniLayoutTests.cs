using System.Runtime.Intrinsics;
using Lpu.Tensors.Kernels;
using Lpu.Testing;

namespace Lpu.Tensors.Tests;

/// <summary>
/// The AVX-VNNI instance of the tile kernel on any CPU: its layout (4-byte k-groups, A fed as
/// A + 128, sums starting at -128 x B's column sums) with <c>vpdpbusd</c> emulated lane by lane,
/// held to the plain loop. On a CPU with AVX-VNNI, <see cref="GemmTests"/> run the instruction itself.
/// </summary>
public unsafe class VnniLayoutTests
{
    [Theory]
    // Edge tiles of 1-5 rows and of fewer than 16 columns, k cut inside a group, k-blocks of 1024,
    // A blocks of at most 42 tiles, and products split over the cores by rows and by columns.
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(5, 3, 40)]
    [InlineData(6, 4, 16)]
    [InlineData(13, 33, 31)]
    [InlineData(7, 1025, 17)]
    [InlineData(11, 2051, 33)]
    [InlineData(260, 1030, 20)]
    [InlineData(600, 1030, 30)]
    [InlineData(6, 2100, 1400)]
    public void Vnni_layout_with_the_instruction_emulated_matches_the_plain_loop(int m, int k, int n)
    {
        var rng = new Random((m * 7) + (k * 13) + n);
        var a = new sbyte[m * k];
        var b = new sbyte[k * n];
        rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
        rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.AsSpan()));
        a[0] = sbyte.MinValue;
        b[0] = sbyte.MinValue;
        var expected = PlainGemm.Int8(a, b, m, k, n);

        var c = new int[m * n];
        Int8TileKernel<EmulatedVnni>.Multiply(a, b, c, m, k, n);
        var viaPacked = new int[m * n];
        new Int8TileKernel<EmulatedVnni>.PackedB(b, k, n).Multiply(a, viaPacked, m);

        Assert.Equal(expected, c);
        Assert.Equal(expected, viaPacked);
    }

    [Fact]
    public void The_emulation_is_vpdpbusd()
    {
        // Lane 0: 255 x -128 + 1 x 127 + 128 x -1 + 0 x 5 = -32,641, added to 10; the others add 4 x 2 x 3.
        var a = Vector256.Create((byte)2);
        var b = Vector256.Create((byte)3);
        a = a.WithElement(0, (byte)255).WithElement(1, (byte)1).WithElement(2, (byte)128).WithElement(3, (byte)0);
        b = b.WithElement(0, unchecked((byte)-128)).WithElement(1, (byte)127).WithElement(2, unchecked((byte)-1)).WithElement(3, (byte)5);

        var sums = EmulatedVnni.MultiplyAdd(Vector256.Create(10), a, b);

        Assert.Equal(10 - 32_641, sums[0]);
        Assert.Equal(10 + 24, sums[7]);
    }

    /// <summary><see cref="VnniDotProduct"/> with its instruction done lane by lane in plain code.</summary>
    private readonly struct EmulatedVnni : IInt8DotProduct
    {
        public static int GroupK => VnniDotProduct.GroupK;

        public static bool IsSupported => true;

        // Each int32 lane plus four products of an unsigned byte of a and a signed byte of b, wrapping.
        public static Vector256<int> MultiplyAdd(Vector256<int> sums, Vector256<byte> a, Vector256<byte> b)
        {
            Span<int> lanes = stackalloc int[Vector256<int>.Count];
            sums.CopyTo(lanes);
            for (var i = 0; i < Vector256<byte>.Count; i++)
                lanes[i / 4] = unchecked(lanes[i / 4] + (a[i] * (sbyte)b[i]));
            return Vector256.Create<int>(lanes);
        }

        public static uint PackA(sbyte* values) => VnniDotProduct.PackA(values);

        public static void PackB16(sbyte* rows, byte* group, int n) => VnniDotProduct.PackB16(rows, group, n);

        public static void PutB(byte* column, int t, sbyte value) => VnniDotProduct.PutB(column, t, value);

        public static void StoreStarts(byte* panel, int groups, int* starts) => VnniDotProduct.StoreStarts(panel, groups, starts);
    }
}
