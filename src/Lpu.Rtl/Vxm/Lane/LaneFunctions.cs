using Lpu.Architecture.Isa;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// The lane's element operations: per (operation, type) a pure HDL function of the two 32-bit operands
/// (so the datapath is evaluated only in the case branch that calls it), and the i8 tables as ROM wires
/// indexed by the operand, looked up only while the stage holds that op on i8 and declared at the module's
/// top level before any case statement.
/// </summary>
internal sealed class LaneFunctions
{
    private readonly Dictionary<VxmOp, Expr> tables = [];
    private readonly HashSet<DataType> types;

    /// <summary>Declares the i8 tables of <paramref name="ops"/>, each looked up only while
    /// <paramref name="selected"/>(op) holds.</summary>
    public LaneFunctions(Module m, Expr a, IReadOnlyList<DataType> types, IReadOnlyList<VxmOp> ops, Func<VxmOp, Expr> selected)
    {
        this.types = [.. types];
        if (types.Contains(DataType.I8))
        {
            foreach (var op in ops.Where(I8TableRom.Has))
                tables[op] = I8TableRom.Rom(m, op, a, selected(op));
        }
    }

    /// <summary>The result of <paramref name="op"/> on <paramref name="type"/> for operands
    /// <paramref name="a"/> and <paramref name="b"/>, or null when it has none.</summary>
    public Expr? Result(VxmOp op, DataType type, Expr a, Expr b)
    {
        if (type == DataType.I8 && tables.TryGetValue(op, out var table))
            return table;
        if (!types.Contains(type))
            return null;
        return type switch
        {
            DataType.I8 => new IntegerOps(a, b, 8).Result(op),
            DataType.I16 => new IntegerOps(a, b, 16).Result(op),
            DataType.I32 => new IntegerOps(a, b, 32).Result(op),
            DataType.F16 => new FloatOps(a, b, FloatFormat.F16).Result(op),
            DataType.F32 => new FloatOps(a, b, FloatFormat.F32).Result(op),
            _ => null,
        };
    }

    /// <summary>True when <paramref name="op"/> on i8 is a ROM wire rather than a function.</summary>
    public bool IsTable(VxmOp op, DataType type) => type == DataType.I8 && tables.ContainsKey(op);
}
