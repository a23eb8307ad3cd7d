using System.Numerics;

namespace Lpu.Tensors;

/// <summary>
/// The VXM's <c>requant</c> (docs/architecture.md §6), int32 to int8: p = a x scale, exact in 64
/// bits; if shift &gt; 0, p = (p + 2^(shift-1)) &gt;&gt; shift, arithmetic (ties round towards
/// +infinity); the result is p clamped to [-128, 127]. scale is a signed 16-bit value, shift in [0, 63].
/// </summary>
public static class Requantization
{
    /// <summary>The largest shift the instruction accepts.</summary>
    public const int MaxShift = 63;

    /// <summary>Requantizes one value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shift"/> is outside [0, 63].</exception>
    public static sbyte Requantize(int value, short scale, int shift)
    {
        CheckShift(shift);
        return Scalar(value, scale, shift);
    }

    /// <summary>Requantizes every element of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shift"/> is outside [0, 63].</exception>
    public static void Requantize(ReadOnlySpan<int> source, Span<sbyte> destination, short scale, int shift)
    {
        CheckShift(shift);
        if (source.Length != destination.Length)
        {
            throw new ArgumentException($"requant needs equal lengths: source has {source.Length} elements, destination {destination.Length}", nameof(destination));
        }

        // One Vector<sbyte> of results needs four Vector<int> of inputs, widened to eight of long.
        var step = Vector<sbyte>.Count;
        var ints = Vector<int>.Count;
        var i = 0;
        for (; i <= source.Length - step; i += step)
        {
            var q0 = Block(new Vector<int>(source[i..]), scale, shift);
            var q1 = Block(new Vector<int>(source[(i + ints)..]), scale, shift);
            var q2 = Block(new Vector<int>(source[(i + (2 * ints))..]), scale, shift);
            var q3 = Block(new Vector<int>(source[(i + (3 * ints))..]), scale, shift);
            Vector.Narrow(Vector.Narrow(q0, q1), Vector.Narrow(q2, q3)).CopyTo(destination[i..]);
        }

        for (; i < source.Length; i++)
        {
            destination[i] = Scalar(source[i], scale, shift);
        }
    }

    // The result of one Vector<int>, already clamped to the int8 range so narrowing is exact.
    private static Vector<int> Block(Vector<int> value, short scale, int shift)
    {
        Vector.Widen(value, out var lo, out var hi);
        var s = new Vector<long>(scale);
        lo *= s;
        hi *= s;
        if (shift > 0)
        {
            var half = new Vector<long>(1L << (shift - 1));
            lo = Vector.ShiftRightArithmetic(lo + half, shift);
            hi = Vector.ShiftRightArithmetic(hi + half, shift);
        }

        var min = new Vector<long>(sbyte.MinValue);
        var max = new Vector<long>(sbyte.MaxValue);
        return Vector.Narrow(Vector.Clamp(lo, min, max), Vector.Clamp(hi, min, max));
    }

    private static sbyte Scalar(int value, short scale, int shift)
    {
        // |value x scale| < 2^46, so adding 2^62 cannot overflow.
        var p = (long)value * scale;
        if (shift > 0)
        {
            p = (p + (1L << (shift - 1))) >> shift;
        }

        return (sbyte)Math.Clamp(p, sbyte.MinValue, sbyte.MaxValue);
    }

    private static void CheckShift(int shift)
    {
        if (shift is < 0 or > MaxShift)
        {
            throw new ArgumentOutOfRangeException(nameof(shift), shift, "requant shift must be in [0, 63]");
        }
    }
}
