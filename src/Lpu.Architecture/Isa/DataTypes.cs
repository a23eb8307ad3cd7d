namespace Lpu.Architecture.Isa;

/// <summary>Names, sizes and parsing of <see cref="DataType"/> (assembly spells them i8 i16 i32 f16 f32).</summary>
public static class DataTypes
{
    /// <summary>All types in code order.</summary>
    public static IReadOnlyList<DataType> All { get; } = [DataType.I8, DataType.I16, DataType.I32, DataType.F16, DataType.F32];

    /// <summary>Assembly name, e.g. <c>i32</c>.</summary>
    public static string Name(DataType type) => type.ToString().ToLowerInvariant();

    /// <summary>Bytes per element, which is also the number of consecutive streams an element spans.</summary>
    public static int Bytes(DataType type) => type switch
    {
        DataType.I8 => 1,
        DataType.I16 or DataType.F16 => 2,
        _ => 4,
    };

    /// <summary>True for i8, i16, i32.</summary>
    public static bool IsInteger(DataType type) => type is DataType.I8 or DataType.I16 or DataType.I32;

    /// <summary>Parses an assembly type name.</summary>
    public static bool TryParse(string text, out DataType type)
    {
        foreach (var t in All)
        {
            if (Name(t) == text)
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }
}
