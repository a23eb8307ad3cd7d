namespace Lpu.Hdl.Ir;

/// <summary>
/// One index of a <see cref="NetArray"/> pattern: a loop variable plus an offset (<c>Ix.I + 1</c>) or a
/// constant (<c>3</c>, converted implicitly). In an <see cref="InstanceArray"/>, <see cref="I"/> is the cell's
/// row (first dimension) and <see cref="J"/> its column; in <see cref="Module.Pack"/> /
/// <see cref="Module.Unpack"/>, <see cref="I"/> is the slice number.
/// </summary>
public readonly record struct Ix
{
    private Ix(int variable, int offset)
    {
        Variable = variable;
        Offset = offset;
    }

    /// <summary>The first loop variable.</summary>
    public static Ix I => new(0, 0);

    /// <summary>The second loop variable.</summary>
    public static Ix J => new(1, 0);

    /// <summary>-1 for a constant, 0 for <see cref="I"/>, 1 for <see cref="J"/>.</summary>
    public int Variable { get; }

    public int Offset { get; }

    public static implicit operator Ix(int constant) => new(-1, constant);

    public static Ix operator +(Ix index, int offset) => new(index.Variable, index.Offset + offset);

    public static Ix operator -(Ix index, int offset) => new(index.Variable, index.Offset - offset);

    /// <summary><c>i+1</c>, <c>j</c>, <c>3</c>.</summary>
    public override string ToString()
    {
        if (Variable < 0)
        {
            return Offset.ToString();
        }

        var name = Variable == 0 ? "i" : "j";
        return Offset switch
        {
            0 => name,
            > 0 => $"{name}+{Offset}",
            _ => $"{name}{Offset}",
        };
    }
}
