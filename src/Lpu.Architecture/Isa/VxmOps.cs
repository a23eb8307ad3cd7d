namespace Lpu.Architecture.Isa;

/// <summary>Names and classes of <see cref="VxmOp"/> (assembly and JSON spell them in lower case).</summary>
public static class VxmOps
{
    /// <summary>Lower-case name, e.g. <c>requant</c>.</summary>
    public static string Name(VxmOp op) => op.ToString().ToLowerInvariant();

    /// <summary>Parses a lower-case operation name.</summary>
    public static bool TryParse(string text, out VxmOp op)
    {
        foreach (var o in Enum.GetValues<VxmOp>())
        {
            if (Name(o) == text)
            {
                op = o;
                return true;
            }
        }

        op = default;
        return false;
    }

    /// <summary>The types the operation accepts (for cvt: the source types; for requant: i32).</summary>
    public static IReadOnlyList<DataType> Types(VxmOp op) => op switch
    {
        VxmOp.And or VxmOp.Or or VxmOp.Xor or VxmOp.Not => [DataType.I8, DataType.I16, DataType.I32],
        VxmOp.Tanh or VxmOp.Exp or VxmOp.Rsqrt => [DataType.I8],
        VxmOp.Requant => [DataType.I32],
        _ => DataTypes.All,
    };

    /// <summary>True when <c>cvt.from.to</c> is defined: i8/i16/i32 among themselves, i32&lt;-&gt;f32, f16&lt;-&gt;f32.</summary>
    public static bool IsConversion(DataType from, DataType to)
    {
        if (from == to)
            return false;
        if (DataTypes.IsInteger(from) && DataTypes.IsInteger(to))
            return true;
        return (from, to) is (DataType.I32, DataType.F32) or (DataType.F32, DataType.I32)
            or (DataType.F16, DataType.F32) or (DataType.F32, DataType.F16);
    }
}
