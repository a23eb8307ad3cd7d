using System.Text;
using Lpu.Tensors.Npy;

namespace Lpu.Tensors.Tests;

public sealed class NpyFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("lpu-npy-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Writes_the_bytes_numpy_expects()
    {
        var path = Path.Combine(dir, "a.npy");
        NpyFile.WriteMatrix(path, new Matrix<int>(2, 3, [0, 1, 2, 3, -1, int.MinValue]));

        // 10 prefix bytes + a 59-character dict + 58 spaces + '\n' = 128 bytes, so the header length is 118.
        var dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }";
        var expected = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0 };
        expected.AddRange(Encoding.ASCII.GetBytes(dict + new string(' ', 58) + "\n"));
        expected.AddRange(new byte[] { 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0x80 });

        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void Every_dtype_round_trips_in_one_and_two_dimensions()
    {
        RoundTrip<sbyte>([-128, -1, 0, 1, 127], "|i1");
        RoundTrip<byte>([0, 1, 128, 255, 7], "|u1");
        RoundTrip<int>([int.MinValue, -1, 0, 1, int.MaxValue], "<i4");
        RoundTrip(new[] { -0f, 1.5f, float.NaN, float.PositiveInfinity, float.Epsilon }, "<f4");
    }

    [Fact]
    public void Empty_arrays_round_trip()
    {
        var path = Path.Combine(dir, "e.npy");
        NpyFile.WriteMatrix(path, new Matrix<float>(0, 3));
        var m = NpyFile.ReadMatrix<float>(path);

        Assert.Equal((0, 3), (m.Rows, m.Cols));
        Assert.Contains("'shape': (0, 3)", Encoding.Latin1.GetString(File.ReadAllBytes(path)), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_format_2_with_double_quotes_and_no_trailing_comma()
    {
        var path = Write("v2.npy", 2, "{\"descr\": \"<f4\", \"shape\": (2,1), \"fortran_order\": False}\n", [0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0]);

        var m = NpyFile.ReadMatrix<float>(path);

        Assert.Equal((2, 1), (m.Rows, m.Cols));
        Assert.Equal(new[] { 1f, -2f }, m.Data);
        Assert.Equal("float32 (2, 1)", NpyFile.ReadHeader(path).ToString());
    }

    [Fact]
    public void Reads_a_one_dimensional_int8_header_as_numpy_writes_it()
    {
        var path = Write("v.npy", 1, "{'descr': '|i1', 'fortran_order': False, 'shape': (3,), }          \n", [0xFF, 0x80, 0x7F]);

        Assert.Equal(new sbyte[] { -1, -128, 127 }, NpyFile.ReadVector<sbyte>(path));
    }

    [Theory]
    [InlineData("NUMPY", "bad magic")]
    [InlineData("\u0093NUMPY\u0003\u0000", "version 3.0")]
    [InlineData("\u0093NUMPY\u0001\u0000\u00FF", "header length")]
    [InlineData("\u0093NUMPY\u0001\u0000\u0040\u0000{'descr'", "the header is 64 bytes")]
    public void Broken_prefixes_name_the_file_and_the_problem(string content, string problem)
    {
        var path = Path.Combine(dir, "broken.npy");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(content));

        var e = Assert.Throws<InvalidDataException>(() => NpyFile.ReadVector<int>(path));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '>i4'")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", "unsupported dtype '<f8'")]
    [InlineData("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (2,), }", "malformed header")]
    [InlineData("{'descr': '<i4', 'fortran_order': True, 'shape': (2,), }", "Fortran order")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 1, 1), }", "wrong rank: holds a 3-D array")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 2), }", "wrong rank: holds a 2-D array")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (), }", "wrong rank: holds a 0-D array")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", "truncated: shape (3,) of int32 needs 12 data bytes, the file has 8")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", "4 unexpected bytes after")]
    [InlineData("{'descr': '|u1', 'fortran_order': False, 'shape': (8,), }", "holds uint8 ('|u1'), expected int32")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (-2,), }", "shape dimension '-2'")]
    [InlineData("{'descr': '<i4', 'shape': (2,), }", "no fortran_order")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), 'x': 1}", "unexpected value '1'")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), 'x': True}", "unexpected header key 'x'")]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), } junk", "unexpected text after")]
    public void Bad_headers_and_data_name_the_file_and_the_problem(string header, string problem)
    {
        var path = Write("bad.npy", 1, header + "\n", new byte[8]);

        var e = Assert.Throws<InvalidDataException>(() => NpyFile.ReadVector<int>(path));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overwriting_replaces_the_file_and_leaves_no_temporary_files()
    {
        var path = Path.Combine(dir, "o.npy");
        NpyFile.WriteVector<int>(path, [1, 2, 3]);
        NpyFile.WriteVector<int>(path, [4]);

        Assert.Equal(new[] { 4 }, NpyFile.ReadVector<int>(path));
        Assert.Equal(["o.npy"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_leaves_nothing_behind()
    {
        // The target is a folder, so the final move fails after the temporary file was written.
        var target = Directory.CreateDirectory(Path.Combine(dir, "target.npy")).FullName;

        Assert.ThrowsAny<IOException>(() => NpyFile.WriteVector<int>(target, [1, 2, 3]));

        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Unsupported_element_types_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => NpyFile.WriteVector<long>(Path.Combine(dir, "l.npy"), [1L]));
        Assert.Empty(Directory.GetFiles(dir));
    }

    private void RoundTrip<T>(T[] values, string descr)
        where T : unmanaged
    {
        var vectorPath = Path.Combine(dir, $"v{descr[1..]}.npy");
        NpyFile.WriteVector<T>(vectorPath, values);
        Assert.Equal(values, NpyFile.ReadVector<T>(vectorPath));
        Assert.Equal(1, NpyFile.ReadHeader(vectorPath).Rank);
        Assert.Contains($"'descr': '{descr}'", Encoding.Latin1.GetString(File.ReadAllBytes(vectorPath)), StringComparison.Ordinal);

        var matrixPath = Path.Combine(dir, $"m{descr[1..]}.npy");
        var matrix = new Matrix<T>(values.Length, 1, values);
        NpyFile.WriteMatrix(matrixPath, matrix);
        var back = NpyFile.ReadMatrix<T>(matrixPath);
        Assert.Equal((values.Length, 1), (back.Rows, back.Cols));
        Assert.Equal(values, back.Data);
        var headerBytes = File.ReadAllBytes(matrixPath).Length - (values.Length * System.Runtime.InteropServices.Marshal.SizeOf<T>());
        Assert.Equal(0, headerBytes % 64);
    }

    private string Write(string name, byte major, string header, byte[] data)
    {
        var path = Path.Combine(dir, name);
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 };
        var h = Encoding.Latin1.GetBytes(header);
        bytes.AddRange(major == 1 ? BitConverter.GetBytes((ushort)h.Length) : BitConverter.GetBytes(h.Length));
        bytes.AddRange(h);
        bytes.AddRange(data);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }
}
