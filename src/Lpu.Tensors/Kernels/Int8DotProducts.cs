using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Lpu.Tensors.Kernels;

/// <summary>
/// The multiply-add instruction of <see cref="Int8TileKernel{TDot}"/> and the bytes it reads. A
/// "group" is the k-values that one int32 lane sums per instruction, stored in 4 bytes per row of A
/// and per column of B, so both instructions share the kernel's panels, tiles and blocking.
/// </summary>
internal unsafe interface IInt8DotProduct
{
    /// <summary>k-values per group.</summary>
    static abstract int GroupK { get; }

    /// <summary>Whether this CPU has the instruction.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Each int32 lane of <paramref name="sums"/> plus the dot product of its group in a and in b.</summary>
    static abstract Vector256<int> MultiplyAdd(Vector256<int> sums, Vector256<byte> a, Vector256<byte> b);

    /// <summary>One group of a row of A: <see cref="GroupK"/> values from <paramref name="values"/>.</summary>
    static abstract uint PackA(sbyte* values);

    /// <summary>One group of 16 columns of B (<see cref="GroupK"/> rows at stride n from <paramref name="rows"/>) into 64 bytes.</summary>
    static abstract void PackB16(sbyte* rows, byte* group, int n);

    /// <summary>k-value <paramref name="t"/> of one column's group (4 bytes at <paramref name="column"/>).</summary>
    static abstract void PutB(byte* column, int t, sbyte value);

    /// <summary>The start of the sums of one panel's 16 columns (<paramref name="groups"/> groups of 64 bytes).</summary>
    static abstract void StoreStarts(byte* panel, int groups, int* starts);
}

/// <summary>
/// AVX-VNNI <c>vpdpbusd</c>: 4 unsigned x signed byte products per int32 lane. A is fed as A + 128, so
/// every sum is too large by 128 x the column sum of B; the sums start at minus that. Everything
/// wraps mod 2^32 like the int32 accumulators, so the result is exact.
/// </summary>
internal readonly unsafe struct VnniDotProduct : IInt8DotProduct
{
    public static int GroupK => 4;

    public static bool IsSupported => AvxVnni.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> MultiplyAdd(Vector256<int> sums, Vector256<byte> a, Vector256<byte> b) =>
        AvxVnni.MultiplyWideningAndAdd(sums, a, b.AsSByte());

    // Flipping the top bit of each byte adds 128 to it as a two's-complement byte.
    public static uint PackA(sbyte* values) => Unsafe.ReadUnaligned<uint>(values) ^ 0x80808080u;

    // Transposes 4 rows x 16 columns of bytes into 16 columns x 4 bytes with two rounds of unpacks.
    public static void PackB16(sbyte* rows, byte* group, int n)
    {
        var r0 = Vector128.Load(rows).AsByte();
        var r1 = Vector128.Load(rows + n).AsByte();
        var r2 = Vector128.Load(rows + (2L * n)).AsByte();
        var r3 = Vector128.Load(rows + (3L * n)).AsByte();
        var r01Lo = Sse2.UnpackLow(r0, r1).AsInt16();
        var r01Hi = Sse2.UnpackHigh(r0, r1).AsInt16();
        var r23Lo = Sse2.UnpackLow(r2, r3).AsInt16();
        var r23Hi = Sse2.UnpackHigh(r2, r3).AsInt16();
        Sse2.UnpackLow(r01Lo, r23Lo).AsByte().Store(group);
        Sse2.UnpackHigh(r01Lo, r23Lo).AsByte().Store(group + 16);
        Sse2.UnpackLow(r01Hi, r23Hi).AsByte().Store(group + 32);
        Sse2.UnpackHigh(r01Hi, r23Hi).AsByte().Store(group + 48);
    }

    public static void PutB(byte* column, int t, sbyte value) => column[t] = (byte)value;

    // -128 x the column sums. Shifts, not vpdpbusd, so that tests can check this layout with the
    // instruction emulated on a CPU without it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void StoreStarts(byte* panel, int groups, int* starts)
    {
        var sum0 = Vector256<int>.Zero;
        var sum1 = Vector256<int>.Zero;
        for (var g = 0; g < groups; g++)
        {
            var group = panel + ((long)g * 64);
            sum0 += ByteSums(Vector256.Load((int*)group));
            sum1 += ByteSums(Vector256.Load((int*)(group + 32)));
        }

        (Vector256<int>.Zero - (sum0 << 7)).Store(starts);
        (Vector256<int>.Zero - (sum1 << 7)).Store(starts + 8);
    }

    // The sum of the four signed bytes of each int32 lane (>> is arithmetic on int lanes).
    private static Vector256<int> ByteSums(Vector256<int> x) => ((x << 24) >> 24) + ((x << 16) >> 24) + ((x << 8) >> 24) + (x >> 24);
}

/// <summary>
/// AVX2 <c>vpmaddwd</c> for CPUs without AVX-VNNI: A and B widened to int16, 2 products per int32
/// lane, then added to the sums. An int8 x int8 product and the sum of two fit in int32 without
/// saturating, so the result is exact with the sums starting at zero.
/// </summary>
internal readonly unsafe struct Avx2DotProduct : IInt8DotProduct
{
    public static int GroupK => 2;

    public static bool IsSupported => Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> MultiplyAdd(Vector256<int> sums, Vector256<byte> a, Vector256<byte> b) =>
        sums + Avx2.MultiplyAddAdjacent(a.AsInt16(), b.AsInt16());

    public static uint PackA(sbyte* values) => (uint)(values[0] & 0xFFFF) | (uint)(values[1] << 16);

    // Widens 2 rows x 16 columns to int16 and interleaves them: column j's pair at bytes 4j..4j+3.
    public static void PackB16(sbyte* rows, byte* group, int n)
    {
        var (low0, high0) = Vector128.Widen(Vector128.Load(rows));
        var (low1, high1) = Vector128.Widen(Vector128.Load(rows + n));
        Sse2.UnpackLow(low0, low1).AsByte().Store(group);
        Sse2.UnpackHigh(low0, low1).AsByte().Store(group + 16);
        Sse2.UnpackLow(high0, high1).AsByte().Store(group + 32);
        Sse2.UnpackHigh(high0, high1).AsByte().Store(group + 48);
    }

    public static void PutB(byte* column, int t, sbyte value) => ((short*)column)[t] = value;

    public static void StoreStarts(byte* panel, int groups, int* starts) => new Span<int>(starts, 16).Clear();
}
