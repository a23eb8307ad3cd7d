using System.Runtime.CompilerServices;
using Lpu.Architecture.Isa;
namespace Lpu.Model.Numerics;

/// <summary>
/// The VXM's per-lane kernels over a group of lanes in stream-major layout: an operand of type t
/// is <c>t.Width()</c> planes of <c>lanes</c> bytes, byte j of element i at <c>[j x lanes + i]</c>
/// (plane j is the lanes' bytes on stream s + j). No allocation.
/// </summary>
public static class VxmKernel
{
    /// <summary>Element-wise <paramref name="function"/>; <paramref name="b"/> may be empty for unary functions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(VxmOp function, ElementType type, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> result, int lanes)
    {
        var width = type.Width();
        CheckSpan(a, width, lanes, nameof(a));
        CheckSpan(result, width, lanes, nameof(result));
        var hasB = !b.IsEmpty;
        if (hasB)
            CheckSpan(b, width, lanes, nameof(b));
        if (type == ElementType.I8)
        {
            if (!I8Fast(function, a, b, result, lanes))
            {
                for (var i = 0; i < lanes; i++)
                    result[i] = (byte)VxmElement.Apply(function, type, a[i], hasB ? b[i] : 0u);
            }

            return;
        }

        for (var i = 0; i < lanes; i++)
        {
            var x = Load(a, i, width, lanes);
            var y = hasB ? Load(b, i, width, lanes) : 0u;
            Store(result, i, width, lanes, VxmElement.Apply(function, type, x, y));
        }
    }

    // The common i8 operations as plain loops (the same rules as VxmElement, without dispatch per lane).
    private static bool I8Fast(VxmOp function, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> result, int lanes)
    {
        switch (function)
        {
            case VxmOp.Add:
                for (var i = 0; i < lanes; i++)
                    result[i] = (byte)Math.Clamp((sbyte)a[i] + (sbyte)b[i], -128, 127);
                return true;
            case VxmOp.Sub:
                for (var i = 0; i < lanes; i++)
                    result[i] = (byte)Math.Clamp((sbyte)a[i] - (sbyte)b[i], -128, 127);
                return true;
            case VxmOp.Mul:
                for (var i = 0; i < lanes; i++)
                    result[i] = (byte)Math.Clamp((sbyte)a[i] * (sbyte)b[i], -128, 127);
                return true;
            case VxmOp.Relu:
                for (var i = 0; i < lanes; i++)
                    result[i] = (sbyte)a[i] < 0 ? (byte)0 : a[i];
                return true;
            case VxmOp.Mov:
                a[..lanes].CopyTo(result);
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>cvt.from.to</c> element-wise.</summary>
    public static void Convert(ElementType from, ElementType to, ReadOnlySpan<byte> a, Span<byte> result, int lanes)
    {
        CheckSpan(a, from.Width(), lanes, nameof(a));
        CheckSpan(result, to.Width(), lanes, nameof(result));
        for (var i = 0; i < lanes; i++)
            Store(result, i, to.Width(), lanes, VxmElement.Convert(from, to, Load(a, i, from.Width(), lanes)));
    }

    /// <summary><c>requant</c> element-wise: four planes of i32 in, one plane of i8 out.</summary>
    public static void Requant(ReadOnlySpan<byte> a, Span<byte> result, short scale, int shift, int lanes)
    {
        CheckSpan(a, 4, lanes, nameof(a));
        CheckSpan(result, 1, lanes, nameof(result));
        for (var i = 0; i < lanes; i++)
            result[i] = VxmElement.Requant((int)Load(a, i, 4, lanes), scale, shift);
    }

    /// <summary>Reads element <paramref name="lane"/> (little endian across the planes).</summary>
    public static uint Load(ReadOnlySpan<byte> planes, int lane, int width, int lanes)
    {
        uint value = 0;
        for (var j = 0; j < width; j++)
            value |= (uint)planes[j * lanes + lane] << (8 * j);
        return value;
    }

    /// <summary>Writes element <paramref name="lane"/> (little endian across the planes).</summary>
    public static void Store(Span<byte> planes, int lane, int width, int lanes, uint value)
    {
        for (var j = 0; j < width; j++)
            planes[j * lanes + lane] = (byte)(value >> (8 * j));
    }

    private static void CheckSpan(ReadOnlySpan<byte> span, int width, int lanes, string name)
    {
        if (span.Length < width * lanes)
            throw new ArgumentException($"{name} needs {width} x {lanes} bytes, has {span.Length}", name);
    }
}
