using Lpu.Architecture.Isa;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// Every (operation, type) result of the lane's element operations, as 32-bit words; the i8 tables
/// are built as ROM wires when the type and op are implemented, so they are declared at the
/// module's top level before any case statement.
/// </summary>
internal sealed class LaneFunctions
{
    private readonly Dictionary<DataType, IntegerOps> integers = [];
    private readonly Dictionary<DataType, FloatOps> floats = [];
    private readonly Dictionary<VxmOp, Expr> tables = [];

    public LaneFunctions(Module m, Expr a, Expr b, IReadOnlyList<DataType> types, IReadOnlyList<VxmOp> ops)
    {
        foreach (var type in types)
        {
            switch (type)
            {
                case DataType.I8:
                    integers[type] = new IntegerOps(a, b, 8);
                    break;
                case DataType.I16:
                    integers[type] = new IntegerOps(a, b, 16);
                    break;
                case DataType.I32:
                    integers[type] = new IntegerOps(a, b, 32);
                    break;
                case DataType.F16:
                    floats[type] = new FloatOps(a, b, FloatFormat.F16);
                    break;
                case DataType.F32:
                    floats[type] = new FloatOps(a, b, FloatFormat.F32);
                    break;
            }
        }

        if (types.Contains(DataType.I8))
        {
            foreach (var op in ops.Where(I8TableRom.Has))
                tables[op] = I8TableRom.Rom(m, op, a);
        }
    }

    /// <summary>The result of <paramref name="op"/> on <paramref name="type"/>, or null when it has none.</summary>
    public Expr? Result(VxmOp op, DataType type)
    {
        if (type == DataType.I8 && tables.TryGetValue(op, out var table))
            return table;
        if (integers.TryGetValue(type, out var integer))
            return integer.Result(op);
        return floats.TryGetValue(type, out var f) ? f.Result(op) : null;
    }
}
