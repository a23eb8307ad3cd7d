using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

public sealed partial class Module
{
    private readonly List<NetArray> netArrays = [];
    private readonly List<InstanceArray> instanceArrays = [];
    private readonly List<BusLink> busLinks = [];

    public IReadOnlyList<NetArray> NetArrays => netArrays;

    public IReadOnlyList<InstanceArray> InstanceArrays => instanceArrays;

    internal IReadOnlyList<BusLink> BusLinks => busLinks;

    /// <summary>A net array of <paramref name="dimensions"/> (one or two sizes) elements of
    /// <paramref name="width"/> bits.</summary>
    public NetArray NetArray(string name, int width, int[] dimensions, bool signed = false,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        ClaimName(name, "net array", at);
        width = CheckWidth(width, $"net array '{name}'", at);
        var dims = CheckDimensions(dimensions, $"net array '{name}'", at);
        var array = new NetArray(this, name, width, signed, dims, at);
        netArrays.Add(array);
        return array;
    }

    /// <summary>A grid of <paramref name="dimensions"/> (rows, or rows and columns) instances of
    /// <paramref name="definition"/>; connect its ports with <see cref="Ir.InstanceArray.Connect(string, NetArrayRef, string, int)"/>.</summary>
    public InstanceArray InstanceArray(Module definition, string name, int[] dimensions,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        ClaimName(name, "instance array", at);
        var dims = CheckDimensions(dimensions, $"instance array '{name}'", at);
        var array = new InstanceArray(this, definition, name, dims, at);
        instanceArrays.Add(array);
        return array;
    }

    /// <summary>Drives elements from a flat bus: for k in [0, bus.Width / W), element
    /// <paramref name="target"/>(I = k) = <paramref name="bus"/>[k*W +: W]. The bus width must be a multiple of W.</summary>
    public void Unpack(Expr bus, NetArrayRef target, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        Use(bus, at);
        busLinks.Add(new BusLink(bus, target, LinkCount(bus, target, at), true, at));
    }

    /// <summary>Drives the wire or output <paramref name="bus"/> from elements: for k in [0, bus.Width / W),
    /// <paramref name="bus"/>[k*W +: W] = element <paramref name="source"/>(I = k). This is the bus's only driver.</summary>
    public void Pack(Signal bus, NetArrayRef source, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        CheckTarget(bus, at);
        busLinks.Add(new BusLink(bus, source, LinkCount(bus, source, at), false, at));
    }

    internal void CheckPattern(NetArrayRef pattern, int variables, SourceLocation at)
    {
        var array = pattern.Array;
        if (pattern.Indices.Count != array.Dimensions.Count)
        {
            Report(DiagnosticKind.InvalidUse,
                $"net array '{array.Name}' has {array.Dimensions.Count} dimension(s), indexed with {pattern.Indices.Count}", at);
            return;
        }

        var used = new bool[2];
        foreach (var index in pattern.Indices)
        {
            if (index.Variable >= variables)
            {
                Report(DiagnosticKind.InvalidUse, $"index {index} of '{pattern}' uses a loop variable that does not exist here", at);
            }
            else if (index.Variable >= 0 && used[index.Variable])
            {
                Report(DiagnosticKind.InvalidUse, $"'{pattern}' uses loop variable {(index.Variable == 0 ? "i" : "j")} twice", at);
            }
            else if (index.Variable >= 0)
            {
                used[index.Variable] = true;
            }
        }
    }

    private int LinkCount(Expr bus, NetArrayRef pattern, SourceLocation at)
    {
        if (!ReferenceEquals(pattern.Array.Owner, this))
        {
            Report(DiagnosticKind.InvalidUse, $"net array '{pattern.Array.Name}' of module '{pattern.Array.Owner.Name}' is used here", at);
        }

        CheckPattern(pattern, 1, at);
        if (bus.Width % pattern.Array.Width != 0)
        {
            Report(DiagnosticKind.WidthMismatch,
                $"bus of {bus.Width} bits is not a whole number of {pattern.Array.Width}-bit elements of '{pattern.Array.Name}'", at);
        }

        return Math.Max(1, bus.Width / pattern.Array.Width);
    }

    private int[] CheckDimensions(int[] dimensions, string what, SourceLocation at)
    {
        if (dimensions.Length is < 1 or > 2)
        {
            Report(DiagnosticKind.InvalidUse, $"{what} must have one or two dimensions, has {dimensions.Length}", at);
            return [1];
        }

        var result = new int[dimensions.Length];
        for (var d = 0; d < dimensions.Length; d++)
        {
            result[d] = CheckWidth(dimensions[d], $"dimension {d} of {what}", at);
        }

        return result;
    }
}
