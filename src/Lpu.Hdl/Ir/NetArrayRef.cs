namespace Lpu.Hdl.Ir;

/// <summary>A pattern of elements of a <see cref="NetArray"/>: one <see cref="Ix"/> per dimension.</summary>
public sealed class NetArrayRef
{
    internal NetArrayRef(NetArray array, Ix[] indices)
    {
        Array = array;
        Indices = indices;
    }

    public NetArray Array { get; }

    public IReadOnlyList<Ix> Indices { get; }

    /// <summary><c>h[i][j+1]</c>.</summary>
    public override string ToString() => Array.Name + string.Concat(Indices.Select(i => $"[{i}]"));
}
