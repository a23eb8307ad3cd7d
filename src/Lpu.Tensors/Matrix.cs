namespace Lpu.Tensors;

/// <summary>
/// A dense row-major matrix of <c>Rows x Cols</c> elements over one flat array: element (r, c) is
/// <c>Data[r * Cols + c]</c>. A vector is a matrix with one row.
/// </summary>
/// <typeparam name="T">The element type (int8, uint8, int32 and fp32 are the ones this project uses).</typeparam>
public sealed class Matrix<T>
    where T : unmanaged
{
    /// <summary>Creates a zero-filled matrix.</summary>
    public Matrix(int rows, int cols)
    {
        CheckShape(rows, cols);
        Rows = rows;
        Cols = cols;
        Data = new T[checked(rows * cols)];
    }

    /// <summary>Wraps <paramref name="data"/> (not copied), which must hold exactly rows x cols elements.</summary>
    public Matrix(int rows, int cols, T[] data)
    {
        CheckShape(rows, cols);
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength != (long)rows * cols)
        {
            throw new ArgumentException($"a {rows}x{cols} matrix needs {(long)rows * cols} elements, the array has {data.LongLength}", nameof(data));
        }

        Rows = rows;
        Cols = cols;
        Data = data;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Cols { get; }

    /// <summary>The elements, row after row.</summary>
    public T[] Data { get; }

    /// <summary>The element at row <paramref name="row"/>, column <paramref name="col"/>.</summary>
    public T this[int row, int col]
    {
        get => Data[Index(row, col)];
        set => Data[Index(row, col)] = value;
    }

    /// <summary>The elements of one row.</summary>
    public Span<T> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return Data.AsSpan(row * Cols, Cols);
    }

    /// <summary>The shape as text, e.g. <c>3x4</c>.</summary>
    public override string ToString() => $"{Rows}x{Cols}";

    private int Index(int row, int col)
    {
        if ((uint)row >= (uint)Rows || (uint)col >= (uint)Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {col}) is outside a {Rows}x{Cols} matrix");
        }

        return (row * Cols) + col;
    }

    private static void CheckShape(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if ((long)rows * cols > Array.MaxLength)
        {
            throw new ArgumentException($"a {rows}x{cols} matrix is larger than one array can hold");
        }
    }
}
