namespace Lpu.Hdl.Ir;

/// <summary>
/// A 1-D or 2-D array of nets of one element type, emitted as <c>wire [W-1:0] name [0:D0-1][0:D1-1]</c>
/// (net arrays simulate much faster in Icarus than wide flat buses). Elements are driven and read only
/// through index patterns (<c>h[Ix.I, Ix.J + 1]</c>) by <see cref="InstanceArray"/> ports and by
/// <see cref="Module.Pack"/> / <see cref="Module.Unpack"/>, so the emitted text does not grow with its size.
/// Every element must be driven exactly once.
/// </summary>
public sealed class NetArray
{
    internal NetArray(Module owner, string name, int width, bool signed, int[] dimensions, SourceLocation at)
    {
        Owner = owner;
        Name = name;
        Width = width;
        Signed = signed;
        Dimensions = dimensions;
        Source = at;
    }

    public Module Owner { get; }

    public string Name { get; }

    /// <summary>Bits per element.</summary>
    public int Width { get; }

    public bool Signed { get; }

    /// <summary>Sizes, one or two.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    public SourceLocation Source { get; }

    /// <summary>The elements <c>[index]</c> of a 1-D array, as a pattern.</summary>
    public NetArrayRef this[Ix index] => new(this, [index]);

    /// <summary>The elements <c>[row][column]</c> of a 2-D array, as a pattern.</summary>
    public NetArrayRef this[Ix row, Ix column] => new(this, [row, column]);

    internal long Volume => Dimensions.Aggregate(1L, (a, b) => a * b);
}
