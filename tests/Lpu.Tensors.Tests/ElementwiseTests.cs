using System.Numerics;

namespace Lpu.Tensors.Tests;

public class ElementwiseTests
{
    // Lengths that exercise whole vectors (32 i8, 16 i16, 8 i32 per 256-bit vector) and scalar tails.
    private static readonly int[] Lengths = [0, 1, 7, 31, 32, 33, 100, 257];

    public static TheoryData<string> Binaries() => new() { "add", "sub", "mul", "min", "max", "and", "or", "xor" };

    public static TheoryData<string> Unaries() => new() { "neg", "abs", "relu", "not" };

    [Theory]
    [MemberData(nameof(Binaries))]
    public void Binary_ops_match_a_plain_loop_for_every_type(string op)
    {
        CheckBinary<sbyte>(op);
        CheckBinary<short>(op);
        CheckBinary<int>(op);
    }

    [Theory]
    [MemberData(nameof(Unaries))]
    public void Unary_ops_match_a_plain_loop_for_every_type(string op)
    {
        CheckUnary<sbyte>(op);
        CheckUnary<short>(op);
        CheckUnary<int>(op);
    }

    [Fact]
    public void Saturation_by_hand()
    {
        sbyte[] a = [127, -128, 100, -128, 64, -3];
        sbyte[] b = [1, -1, 100, -128, 2, 5];
        var d = new sbyte[6];

        Elementwise.Add<sbyte>(a, b, d);
        Assert.Equal(new sbyte[] { 127, -128, 127, -128, 66, 2 }, d);
        Elementwise.Subtract<sbyte>(a, b, d);
        Assert.Equal(new sbyte[] { 126, -127, 0, 0, 62, -8 }, d);
        Elementwise.Multiply<sbyte>(a, b, d);
        Assert.Equal(new sbyte[] { 127, 127, 127, 127, 127, -15 }, d);
        Elementwise.Negate<sbyte>(a, d);
        Assert.Equal(new sbyte[] { -127, 127, -100, 127, -64, 3 }, d);
        Elementwise.Abs<sbyte>(a, d);
        Assert.Equal(new sbyte[] { 127, 127, 100, 127, 64, 3 }, d);
        Elementwise.Relu<sbyte>(a, d);
        Assert.Equal(new sbyte[] { 127, 0, 100, 0, 64, 0 }, d);

        int[] x = [int.MaxValue, int.MinValue, 65536];
        int[] y = [int.MaxValue, 2, 65536];
        var z = new int[3];
        Elementwise.Multiply<int>(x, y, z);
        Assert.Equal(new[] { int.MaxValue, int.MinValue, int.MaxValue }, z);
    }

    [Fact]
    public void Length_mismatch_and_other_types_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Elementwise.Add<int>(new int[3], new int[2], new int[3]));
        Assert.Throws<ArgumentException>(() => Elementwise.Relu<int>(new int[3], new int[4]));
        Assert.Throws<NotSupportedException>(() => Elementwise.Add<long>(new long[1], new long[1], new long[1]));
    }

    private static void CheckBinary<T>(string op)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        foreach (var length in Lengths)
        {
            var rng = new Random(length + op.Length);
            var a = RandomValues<T>(rng, length);
            var b = RandomValues<T>(rng, length);
            var d = new T[length];
            switch (op)
            {
                case "add": Elementwise.Add<T>(a, b, d); break;
                case "sub": Elementwise.Subtract<T>(a, b, d); break;
                case "mul": Elementwise.Multiply<T>(a, b, d); break;
                case "min": Elementwise.Min<T>(a, b, d); break;
                case "max": Elementwise.Max<T>(a, b, d); break;
                case "and": Elementwise.And<T>(a, b, d); break;
                case "or": Elementwise.Or<T>(a, b, d); break;
                default: Elementwise.Xor<T>(a, b, d); break;
            }

            var expected = new long[length];
            for (var i = 0; i < length; i++)
            {
                long x = long.CreateTruncating(a[i]), y = long.CreateTruncating(b[i]);
                var exact = op switch
                {
                    "add" => x + y,
                    "sub" => x - y,
                    "mul" => x * y,
                    "min" => Math.Min(x, y),
                    "max" => Math.Max(x, y),
                    "and" => x & y,
                    "or" => x | y,
                    _ => x ^ y,
                };
                expected[i] = Clamp<T>(exact);
            }

            Assert.Equal(expected, d.Select(long.CreateTruncating));
        }
    }

    private static void CheckUnary<T>(string op)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        foreach (var length in Lengths)
        {
            var a = RandomValues<T>(new Random(length * 3), length);
            var d = new T[length];
            switch (op)
            {
                case "neg": Elementwise.Negate<T>(a, d); break;
                case "abs": Elementwise.Abs<T>(a, d); break;
                case "relu": Elementwise.Relu<T>(a, d); break;
                default: Elementwise.Not<T>(a, d); break;
            }

            var expected = a.Select(v =>
            {
                var x = long.CreateTruncating(v);
                return Clamp<T>(op switch
                {
                    "neg" => -x,
                    "abs" => x < 0 ? -x : x,
                    "relu" => x < 0 ? 0 : x,
                    _ => -x - 1,
                });
            });

            Assert.Equal(expected, d.Select(long.CreateTruncating));
        }
    }

    private static long Clamp<T>(long value)
        where T : IMinMaxValue<T>, IBinaryInteger<T>
        => Math.Clamp(value, long.CreateTruncating(T.MinValue), long.CreateTruncating(T.MaxValue));

    // A third of the values are the edges of the range, where saturation happens.
    private static T[] RandomValues<T>(Random rng, int length)
        where T : IMinMaxValue<T>, IBinaryInteger<T>
    {
        long min = long.CreateTruncating(T.MinValue), max = long.CreateTruncating(T.MaxValue);
        long[] edges = [min, min + 1, -1, 0, 1, max - 1, max];
        var values = new T[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = T.CreateTruncating(rng.Next(3) == 0 ? edges[rng.Next(edges.Length)] : rng.NextInt64(min, max + 1));
        }

        return values;
    }
}
