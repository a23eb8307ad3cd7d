namespace Lpu.Model.Numerics;

/// <summary>Facts about <see cref="ElementType"/>: byte width (= streams spanned) and kind.</summary>
public static class ElementTypes
{
    /// <summary>Bytes per element, which is also the number of consecutive streams it spans.</summary>
    public static int Width(this ElementType type) => type switch
    {
        ElementType.I8 => 1,
        ElementType.I16 or ElementType.F16 => 2,
        _ => 4,
    };

    /// <summary>True for i8, i16 and i32.</summary>
    public static bool IsInteger(this ElementType type) => type is ElementType.I8 or ElementType.I16 or ElementType.I32;
}
