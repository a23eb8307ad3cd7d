namespace Lpu.Tensors.Tests;

public class RequantizationTests
{
    [Theory]
    [InlineData(3, 1, 1, 2)]            // 1.5 rounds up
    [InlineData(-3, 1, 1, -1)]          // -1.5 rounds towards +infinity
    [InlineData(-5, 1, 1, -2)]          // -2.5 likewise
    [InlineData(100, 3, 2, 75)]         // 300 / 4
    [InlineData(-7, -5, 3, 4)]          // 35 / 8 = 4.375
    [InlineData(1000, 1, 0, 127)]
    [InlineData(-1000, 1, 0, -128)]
    [InlineData(int.MinValue, short.MinValue, 0, 127)]   // 2^46 saturates
    [InlineData(int.MinValue, short.MinValue, 46, 1)]    // 2^46 / 2^46
    [InlineData(int.MinValue, short.MinValue, 45, 2)]
    [InlineData(int.MaxValue, short.MinValue, 63, 0)]
    [InlineData(int.MinValue, short.MaxValue, 40, -64)]  // -2^31 x (2^15 - 1) / 2^40 = -63.998
    public void By_hand(int value, short scale, int shift, sbyte expected)
    {
        Assert.Equal(expected, Requantization.Requantize(value, scale, shift));

        // The span form, with the value in the vector body and in the scalar tail.
        var source = Enumerable.Repeat(value, 33).ToArray();
        var destination = new sbyte[33];
        Requantization.Requantize(source, destination, scale, shift);
        Assert.All(destination, d => Assert.Equal(expected, d));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(1000)]
    public void Spans_match_round_half_up_in_double(int length)
    {
        var rng = new Random(length);
        foreach (var shift in new[] { 0, 1, 7, 8, 15, 24, 31, 40, 63 })
        {
            var scale = (short)rng.Next(short.MinValue, short.MaxValue + 1);
            var source = new int[length];
            for (var i = 0; i < length; i++)
            {
                source[i] = rng.Next(4) == 0 ? (rng.Next(2) == 0 ? int.MinValue : int.MaxValue) : rng.Next(int.MinValue, int.MaxValue) >> rng.Next(32);
            }

            var destination = new sbyte[length];
            Requantization.Requantize(source, destination, scale, shift);

            // floor(a x scale / 2^shift + 1/2) in double: exact up to shift 47 (|a x scale| < 2^47); beyond,
            // the quotient is below 1/2 in magnitude and rounding the sum cannot move it past an integer.
            var expected = source.Select(a => (sbyte)Math.Clamp(Math.Floor(((double)a * scale / Math.Pow(2, shift)) + (shift > 0 ? 0.5 : 0)), -128, 127));
            Assert.Equal(expected, destination);
        }
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Requantization.Requantize(1, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Requantization.Requantize(1, 1, 64));
        Assert.Throws<ArgumentException>(() => Requantization.Requantize(new int[3], new sbyte[2], 1, 0));
    }
}
