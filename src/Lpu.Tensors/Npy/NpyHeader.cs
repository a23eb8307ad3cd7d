namespace Lpu.Tensors.Npy;

/// <summary>What a .npy header says: the element type and the shape (C order).</summary>
public sealed class NpyHeader
{
    /// <summary>Creates a header; every dimension must be non-negative.</summary>
    public NpyHeader(NpyDType dtype, IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count *= d;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"shape {NpyHeaderText.FormatShape(shape)} has more elements than one array can hold", nameof(shape));
            }
        }

        DType = dtype;
        Shape = shape.ToArray();
        Count = count;
    }

    /// <summary>The element type.</summary>
    public NpyDType DType { get; }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The number of dimensions.</summary>
    public int Rank => Shape.Count;

    /// <summary>The number of elements.</summary>
    public long Count { get; }

    /// <summary>Bytes per element.</summary>
    public int ElementSize => DType is NpyDType.Int8 or NpyDType.UInt8 ? 1 : 4;

    /// <summary>E.g. <c>int32 (3, 4)</c>.</summary>
    public override string ToString() => $"{NpyHeaderText.Name(DType)} {NpyHeaderText.FormatShape(Shape)}";
}
