namespace Lpu.Tensors.Tests;

public class MatrixTests
{
    [Fact]
    public void Elements_are_row_major()
    {
        var m = new Matrix<int>(2, 3, [1, 2, 3, 4, 5, 6]);

        Assert.Equal(6, m[1, 2]);
        Assert.Equal(4, m[1, 0]);
        Assert.Equal(new[] { 4, 5, 6 }, m.Row(1).ToArray());
        Assert.Equal("2x3", m.ToString());

        m[0, 1] = 9;
        Assert.Equal(9, m.Data[1]);
    }

    [Fact]
    public void Bad_shapes_and_indices_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Matrix<int>(2, 3, new int[5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Matrix<int>(-1, 3));
        Assert.Throws<ArgumentException>(() => new Matrix<byte>(int.MaxValue, 2));
        var m = new Matrix<int>(2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => m[2, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => m[0, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Row(2));
    }
}
