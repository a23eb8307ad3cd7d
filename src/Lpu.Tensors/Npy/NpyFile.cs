using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Lpu.Tensors.Npy;

/// <summary>
/// Reads NumPy .npy files (format 1.0 and 2.0; int8, uint8, int32, float32; C order; 1-D or 2-D)
/// and writes them (format 1.0) through a temporary file in the same folder that is then moved into
/// place, so a failed write leaves nothing half-written. Unreadable files raise
/// <see cref="InvalidDataException"/> whose message starts with the file name.
/// </summary>
public static class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads only the header of <paramref name="path"/>: its dtype and shape.</summary>
    public static NpyHeader ReadHeader(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadHeader(stream, path);
    }

    /// <summary>Reads a 1-D array whose dtype matches <typeparamref name="T"/> (sbyte, byte, int or float).</summary>
    public static T[] ReadVector<T>(string path)
        where T : unmanaged
        => Read<T>(path, 1, out _);

    /// <summary>Reads a 2-D array whose dtype matches <typeparamref name="T"/> (sbyte, byte, int or float).</summary>
    public static Matrix<T> ReadMatrix<T>(string path)
        where T : unmanaged
    {
        var data = Read<T>(path, 2, out var header);
        return new Matrix<T>(header.Shape[0], header.Shape[1], data);
    }

    /// <summary>Writes <paramref name="data"/> as a 1-D array.</summary>
    public static void WriteVector<T>(string path, ReadOnlySpan<T> data)
        where T : unmanaged
        => Write(path, new NpyHeader(DTypeOf<T>(), [data.Length]), MemoryMarshal.AsBytes(data));

    /// <summary>Writes <paramref name="matrix"/> as a 2-D array.</summary>
    public static void WriteMatrix<T>(string path, Matrix<T> matrix)
        where T : unmanaged
        => Write(path, new NpyHeader(DTypeOf<T>(), [matrix.Rows, matrix.Cols]), MemoryMarshal.AsBytes(matrix.Data.AsSpan()));

    private static T[] Read<T>(string path, int rank, out NpyHeader header)
        where T : unmanaged
    {
        var wanted = DTypeOf<T>();
        using var stream = File.OpenRead(path);
        header = ReadHeader(stream, path);
        if (header.DType != wanted)
        {
            throw NpyErrors.Create(path, $"holds {NpyHeaderText.Name(header.DType)} ('{NpyHeaderText.Descr(header.DType)}'), expected {NpyHeaderText.Name(wanted)}");
        }

        if (header.Rank != rank)
        {
            throw NpyErrors.Create(path, $"wrong rank: holds a {header.Rank}-D array of shape {NpyHeaderText.FormatShape(header.Shape)}, expected a {rank}-D array");
        }

        var data = new T[header.Count];
        var bytes = MemoryMarshal.AsBytes(data.AsSpan());
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length)
        {
            throw NpyErrors.Create(path, $"truncated: shape {NpyHeaderText.FormatShape(header.Shape)} of {NpyHeaderText.Name(header.DType)} needs {bytes.Length} data bytes, the file has {read}");
        }

        if (stream.ReadByte() >= 0)
        {
            throw NpyErrors.Create(path, $"{stream.Length - stream.Position + 1} unexpected bytes after the {bytes.Length} data bytes of shape {NpyHeaderText.FormatShape(header.Shape)}");
        }

        if (!BitConverter.IsLittleEndian && header.ElementSize == 4)
        {
            var words = MemoryMarshal.Cast<byte, int>(bytes);
            BinaryPrimitives.ReverseEndianness(words, words);
        }

        return data;
    }

    private static NpyHeader ReadHeader(Stream stream, string path)
    {
        Span<byte> prefix = stackalloc byte[12];
        var got = stream.ReadAtLeast(prefix[..8], 8, throwOnEndOfStream: false);
        if (got < 6 || !prefix[..6].SequenceEqual(Magic))
        {
            throw NpyErrors.Create(path, "not a .npy file (bad magic: the file must start with \\x93NUMPY)");
        }

        if (got < 8)
        {
            throw NpyErrors.Create(path, "truncated: the file ends inside the format version");
        }

        var (major, minor) = (prefix[6], prefix[7]);
        var lengthBytes = (major, minor) switch
        {
            (1, 0) => 2,
            (2, 0) => 4,
            _ => throw NpyErrors.Create(path, $"unsupported .npy format version {major}.{minor} (1.0 and 2.0 are supported)"),
        };

        if (stream.ReadAtLeast(prefix.Slice(8, lengthBytes), lengthBytes, throwOnEndOfStream: false) < lengthBytes)
        {
            throw NpyErrors.Create(path, "truncated: the file ends inside the header length");
        }

        var length = lengthBytes == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..])
            : BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        if (length > 1 << 20)
        {
            throw NpyErrors.Create(path, $"header length {length} is implausibly large");
        }

        var text = new byte[length];
        var read = stream.ReadAtLeast(text, text.Length, throwOnEndOfStream: false);
        if (read < text.Length)
        {
            throw NpyErrors.Create(path, $"truncated: the header is {length} bytes, the file holds {read} of them");
        }

        return NpyHeaderText.Parse(Encoding.Latin1.GetString(text), path);
    }

    private static void Write(string path, NpyHeader header, ReadOnlySpan<byte> data)
    {
        // Pad with spaces and end with '\n' so the data starts 64-byte aligned, as NumPy does.
        var dict = NpyHeaderText.Format(header);
        var total = Magic.Length + 4 + dict.Length + 1;
        var padded = dict + new string(' ', (64 - (total % 64)) % 64) + "\n";

        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                Span<byte> prefix = stackalloc byte[10];
                Magic.CopyTo(prefix);
                prefix[6] = 1;
                prefix[7] = 0;
                BinaryPrimitives.WriteUInt16LittleEndian(prefix[8..], (ushort)padded.Length);
                stream.Write(prefix);
                stream.Write(Encoding.Latin1.GetBytes(padded));
                WriteLittleEndian(stream, data, header.ElementSize);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<byte> data, int elementSize)
    {
        if (BitConverter.IsLittleEndian || elementSize == 1)
        {
            stream.Write(data);
            return;
        }

        var copy = MemoryMarshal.Cast<byte, int>(data).ToArray();
        BinaryPrimitives.ReverseEndianness(copy, copy);
        stream.Write(MemoryMarshal.AsBytes(copy.AsSpan()));
    }

    private static NpyDType DTypeOf<T>() => typeof(T) switch
    {
        var t when t == typeof(sbyte) => NpyDType.Int8,
        var t when t == typeof(byte) => NpyDType.UInt8,
        var t when t == typeof(int) => NpyDType.Int32,
        var t when t == typeof(float) => NpyDType.Float32,
        _ => throw new ArgumentException($".npy element type {typeof(T).Name} is not supported (sbyte, byte, int, float are)"),
    };
}
