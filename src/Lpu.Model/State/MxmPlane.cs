namespace Lpu.Model.State;

/// <summary>
/// One MXM plane (architecture.md §8): the weight load buffer and its row pointer, the installed
/// VL x VL int8 array (kept transposed and widened to 16 bits so each output is one dot product),
/// and the int32 accumulator rows.
/// </summary>
internal sealed class MxmPlane
{
    public MxmPlane(int vectorLength, int accumulatorRows)
    {
        VectorLength = vectorLength;
        LoadBuffer = new byte[vectorLength * vectorLength];
        ArrayTransposed = new short[vectorLength * vectorLength];
        Accumulators = new int[accumulatorRows * vectorLength];
    }

    public int VectorLength { get; }

    /// <summary>Load buffer, row-major: <c>[row x VL + column]</c>, int8 bits.</summary>
    public byte[] LoadBuffer { get; }

    public int RowPointer;

    /// <summary>Installed weights W[k][n] stored at <c>[n x VL + k]</c>.</summary>
    public short[] ArrayTransposed { get; }

    /// <summary>Accumulator rows: <c>[row x VL + n]</c>.</summary>
    public int[] Accumulators { get; }

    /// <summary>Issue cycle of the last iw (abc may not issue in (t, t + SL + 2)); long.MinValue if none.</summary>
    public long LastInstall = long.MinValue;

    public void Reset()
    {
        Array.Clear(LoadBuffer);
        Array.Clear(ArrayTransposed);
        Array.Clear(Accumulators);
        RowPointer = 0;
        LastInstall = long.MinValue;
    }

    /// <summary>Installs a row-major snapshot of the load buffer as the array.</summary>
    public void Install(ReadOnlySpan<byte> rowMajor)
    {
        var vl = VectorLength;
        for (var k = 0; k < vl; k++)
        {
            var row = rowMajor.Slice(k * vl, vl);
            for (var n = 0; n < vl; n++)
                ArrayTransposed[(n * vl) + k] = (sbyte)row[n];
        }
    }

    /// <summary>r[n] = sum over k of x[k] x W[k][n], exact in int32.</summary>
    public void Multiply(ReadOnlySpan<short> x, Span<int> result)
    {
        var vl = VectorLength;
        for (var n = 0; n < vl; n++)
            result[n] = Gemv.Dot(x, ArrayTransposed.AsSpan(n * vl, vl));
    }
}
