using Lpu.Architecture.Isa;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// <c>cvt.from.to</c> (architecture.md §6): between integer types sign-extend then saturate;
/// i32↔f32 and f16↔f32 through <see cref="FloatConversions"/>.
/// </summary>
internal static class Conversions
{
    /// <summary>The (from, to) pairs with hardware when <paramref name="types"/> are implemented.</summary>
    public static IEnumerable<(DataType From, DataType To)> Pairs(IReadOnlyList<DataType> types)
    {
        foreach (var from in types)
        {
            foreach (var to in types)
            {
                if (IsInteger(from) && IsInteger(to) && from != to)
                    yield return (from, to);
                else if ((from, to) is (DataType.I32, DataType.F32) or (DataType.F32, DataType.I32)
                         or (DataType.F16, DataType.F32) or (DataType.F32, DataType.F16))
                    yield return (from, to);
            }
        }
    }

    /// <summary>The converted element as a 32-bit word.</summary>
    public static Expr Create(Expr a, DataType from, DataType to) => (from, to) switch
    {
        (DataType.I32, DataType.F32) => FloatConversions.I32ToF32(a),
        (DataType.F32, DataType.I32) => FloatConversions.F32ToI32(a),
        (DataType.F16, DataType.F32) => FloatConversions.F16ToF32(a),
        (DataType.F32, DataType.F16) => FloatConversions.F32ToF16(a),
        _ => LaneBits.ToWord(LaneBits.Saturate(a[Width(from) - 1, 0].AsSigned(), Width(to))),
    };

    private static bool IsInteger(DataType type) => type is DataType.I8 or DataType.I16 or DataType.I32;

    private static int Width(DataType type) => type switch
    {
        DataType.I8 => 8,
        DataType.I16 => 16,
        _ => 32,
    };
}
