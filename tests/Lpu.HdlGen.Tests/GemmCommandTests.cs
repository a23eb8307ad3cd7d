using Lpu.Tensors;
using Lpu.Tensors.Npy;
using Lpu.Testing;

namespace Lpu.HdlGen.Tests;

public class GemmCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static Matrix<sbyte> Random(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        return new Matrix<sbyte>(rows, cols, [.. Enumerable.Range(0, rows * cols).Select(_ => (sbyte)random.Next(-128, 128))]);
    }

    [Fact]
    public void Gemm_from_npy_files_writes_the_product_and_reports_utilization()
    {
        using var dir = new TempDir();
        var a = Random(9, 19, 1);
        var b = Random(19, 12, 2);
        NpyFile.WriteMatrix(dir["a.npy"], a);
        NpyFile.WriteMatrix(dir["b.npy"], b);

        var (code, output, error) = Run("gemm", "--preset", "small", "--a", dir["a.npy"], "--b", dir["b.npy"], "--out", dir["c.npy"]);

        Assert.True(code == 0, error);
        Assert.Contains("gemm 9x19x12 on small (model)", output);
        Assert.Contains("MACs             2,052", output);
        Assert.Contains("MXM utilization", output);
        // small: one plane, 9 rows in one chunk, 2 N-tiles of 8 (two jobs, one wave each), 3 K-tiles of 8.
        Assert.Contains("schedule         1 MXM plane(s), 2 wave(s) of (row chunk of 9, N-tile) jobs, 3 K-tile(s) each", output);
        var c = NpyFile.ReadMatrix<int>(dir["c.npy"]);
        for (var m = 0; m < 9; m++)
        {
            for (var n = 0; n < 12; n++)
            {
                var sum = 0;
                for (var k = 0; k < 19; k++)
                    sum += a[m, k] * b[k, n];
                Assert.Equal(sum, c[m, n]);
            }
        }
    }

    [Fact]
    public void Mismatched_shapes_are_bad_input_and_write_nothing()
    {
        using var dir = new TempDir();
        NpyFile.WriteMatrix(dir["a.npy"], Random(4, 5, 1));
        NpyFile.WriteMatrix(dir["b.npy"], Random(6, 3, 2));
        var (code, _, error) = Run("gemm", "--preset", "small", "--a", dir["a.npy"], "--b", dir["b.npy"], "--out", dir["c.npy"]);
        Assert.Equal(2, code);
        Assert.Equal("error: A is 4x5 and B is 6x3: A's columns must equal B's rows", error.Trim());
        Assert.False(File.Exists(dir["c.npy"]));
    }

    [Fact]
    public void A_corrupt_npy_file_is_named_in_the_error()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["a.npy"], "not numpy");
        NpyFile.WriteMatrix(dir["b.npy"], Random(6, 3, 2));
        var (code, _, error) = Run("gemm", "--preset", "small", "--a", dir["a.npy"], "--b", dir["b.npy"]);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {dir["a.npy"]}: ", error.Trim());
    }

    [Fact]
    public void Running_on_the_rtl_says_the_mxm_is_missing()
    {
        using var dir = new TempDir();
        NpyFile.WriteMatrix(dir["a.npy"], Random(2, 2, 1));
        NpyFile.WriteMatrix(dir["b.npy"], Random(2, 2, 2));
        var (code, _, error) = Run("gemm", "--preset", "small", "--a", dir["a.npy"], "--b", dir["b.npy"], "--on", "rtl");
        Assert.Equal(2, code);
        Assert.Contains("the RTL of configuration 'small' has no MXM yet", error);
    }

    [Fact]
    public void A_configuration_without_an_mxm_is_refused()
    {
        using var dir = new TempDir();
        NpyFile.WriteMatrix(dir["a.npy"], Random(2, 2, 1));
        NpyFile.WriteMatrix(dir["b.npy"], Random(2, 2, 2));
        var (code, _, error) = Run("gemm", "--preset", "ice40", "--a", dir["a.npy"], "--b", dir["b.npy"]);
        Assert.Equal(2, code);
        Assert.Equal("error: this configuration has no MXM (mxm.planes = 0): it cannot run a GEMM", error.Trim());
    }
}
