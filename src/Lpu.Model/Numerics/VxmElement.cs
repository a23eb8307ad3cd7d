using Lpu.Architecture.Isa;
namespace Lpu.Model.Numerics;

/// <summary>
/// One VXM element operation on raw bits (architecture.md §6). Values travel as <c>uint</c>
/// holding the element's w low bytes; results have their unused high bits zero.
/// </summary>
public static class VxmElement
{
    /// <summary>Applies <paramref name="function"/> to one element (b is ignored for unary functions).</summary>
    public static uint Apply(VxmOp function, ElementType type, uint a, uint b) => type switch
    {
        ElementType.F32 => F32(function, a, b),
        ElementType.F16 => F16(function, (ushort)a, (ushort)b),
        _ => Integer(function, type, a, b),
    };

    /// <summary><c>cvt.from.to</c> of one element; unsupported pairs throw <see cref="ArgumentException"/>.</summary>
    public static uint Convert(ElementType from, ElementType to, uint a)
    {
        if (from.IsInteger() && to.IsInteger())
            return Saturate(SignExtend(a, from), to);
        return (from, to) switch
        {
            (ElementType.I32, ElementType.F32) => FloatRules.WriteF32((float)(int)a),
            (ElementType.F32, ElementType.I32) => (uint)F32ToI32(FloatRules.ReadF32(a)),
            (ElementType.F16, ElementType.F32) => FloatRules.WriteF32(FloatRules.ReadF16((ushort)a)),
            (ElementType.F32, ElementType.F16) => FloatRules.WriteF16(FloatRules.ReadF32(a)),
            _ => throw new ArgumentException($"no conversion cvt.{Name(from)}.{Name(to)}"),
        };
    }

    /// <summary>
    /// <c>requant</c>: i32 to i8, p = a x scale exactly; for shift &gt; 0, p = (p + 2^(shift-1)) &gt;&gt; shift
    /// (arithmetic); clamp to [-128, 127].
    /// </summary>
    public static byte Requant(int a, short scale, int shift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shift);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shift, 63);
        // |a x scale| < 2^46, so adding 2^62 cannot overflow a long.
        var p = (long)a * scale;
        if (shift > 0)
            p = (p + (1L << (shift - 1))) >> shift;
        return (byte)(sbyte)Math.Clamp(p, -128, 127);
    }

    /// <summary>The assembly spelling of a type (i8, f16, ...).</summary>
    public static string Name(ElementType type) => type.ToString().ToLowerInvariant();

    /// <summary>Sign-extends the w low bytes of <paramref name="bits"/>.</summary>
    public static long SignExtend(uint bits, ElementType type) => type switch
    {
        ElementType.I8 => (sbyte)bits,
        ElementType.I16 => (short)bits,
        _ => (int)bits,
    };

    private static uint Saturate(long value, ElementType type) => type switch
    {
        ElementType.I8 => (byte)(sbyte)Math.Clamp(value, sbyte.MinValue, sbyte.MaxValue),
        ElementType.I16 => (ushort)(short)Math.Clamp(value, short.MinValue, short.MaxValue),
        _ => (uint)(int)Math.Clamp(value, int.MinValue, int.MaxValue),
    };

    private static uint Mask(uint bits, ElementType type) => type switch
    {
        ElementType.I8 => bits & 0xFF,
        ElementType.I16 => bits & 0xFFFF,
        _ => bits,
    };

    private static uint Integer(VxmOp function, ElementType type, uint a, uint b)
    {
        var x = SignExtend(a, type);
        var y = SignExtend(b, type);
        return function switch
        {
            VxmOp.Add => Saturate(x + y, type),
            VxmOp.Sub => Saturate(x - y, type),
            VxmOp.Mul => Saturate(x * y, type),
            VxmOp.Min => Saturate(Math.Min(x, y), type),
            VxmOp.Max => Saturate(Math.Max(x, y), type),
            VxmOp.And => Mask(a & b, type),
            VxmOp.Or => Mask(a | b, type),
            VxmOp.Xor => Mask(a ^ b, type),
            VxmOp.Not => Mask(~a, type),
            VxmOp.Mov => Mask(a, type),
            VxmOp.Neg => Saturate(-x, type),
            VxmOp.Abs => Saturate(Math.Abs(x), type),
            VxmOp.Relu => Saturate(Math.Max(x, 0), type),
            VxmOp.Tanh when type == ElementType.I8 => (byte)I8Tables.Tanh[a & 0xFF],
            VxmOp.Exp when type == ElementType.I8 => (byte)I8Tables.Exp[a & 0xFF],
            VxmOp.Rsqrt when type == ElementType.I8 => (byte)I8Tables.Rsqrt[a & 0xFF],
            _ => throw Unsupported(function, type),
        };
    }

    private static uint F32(VxmOp function, uint a, uint b)
    {
        switch (function)
        {
            case VxmOp.Mov:
                return a;
            case VxmOp.Neg:
                return a ^ 0x8000_0000;
            case VxmOp.Abs:
                return a & 0x7FFF_FFFF;
        }

        var x = FloatRules.ReadF32(a);
        var y = FloatRules.ReadF32(b);
        return function switch
        {
            VxmOp.Add => FloatRules.WriteF32(x + y),
            VxmOp.Sub => FloatRules.WriteF32(x - y),
            VxmOp.Mul => FloatRules.WriteF32(x * y),
            VxmOp.Min or VxmOp.Max => MinMaxF32(x, y, function == VxmOp.Max),
            VxmOp.Relu => float.IsNaN(x) ? FloatRules.F32NaN : (x > 0 ? FloatRules.WriteF32(x) : 0u),
            _ => throw Unsupported(function, ElementType.F32),
        };
    }

    private static uint MinMaxF32(float x, float y, bool max)
    {
        var r = FloatRules.MinMax(x, y, max, out var isNaN);
        return isNaN ? FloatRules.F32NaN : BitConverter.SingleToUInt32Bits((float)r);
    }

    private static uint F16(VxmOp function, ushort a, ushort b)
    {
        switch (function)
        {
            case VxmOp.Mov:
                return a;
            case VxmOp.Neg:
                return (uint)(a ^ 0x8000);
            case VxmOp.Abs:
                return (uint)(a & 0x7FFF);
        }

        // f16 sums and products are exact in a double, so one rounding happens in WriteF16.
        var x = FloatRules.ReadF16(a);
        var y = FloatRules.ReadF16(b);
        return function switch
        {
            VxmOp.Add => FloatRules.WriteF16(x + y),
            VxmOp.Sub => FloatRules.WriteF16(x - y),
            VxmOp.Mul => FloatRules.WriteF16(x * y),
            VxmOp.Min or VxmOp.Max => MinMaxF16(x, y, function == VxmOp.Max),
            VxmOp.Relu => double.IsNaN(x) ? FloatRules.F16NaN : (x > 0 ? FloatRules.WriteF16(x) : 0u),
            _ => throw Unsupported(function, ElementType.F16),
        };
    }

    private static uint MinMaxF16(double x, double y, bool max)
    {
        var r = FloatRules.MinMax(x, y, max, out var isNaN);
        return isNaN ? FloatRules.F16NaN : FloatRules.WriteF16(r);
    }

    private static ArgumentException Unsupported(VxmOp function, ElementType type) =>
        new($"{function.ToString().ToLowerInvariant()}.{Name(type)} is not a VXM operation");

    private static int F32ToI32(float value)
    {
        if (float.IsNaN(value))
            return 0;
        var rounded = Math.Round((double)value, MidpointRounding.ToEven);
        return (int)Math.Clamp(rounded, int.MinValue, int.MaxValue);
    }
}
