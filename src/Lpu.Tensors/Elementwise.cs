using System.Numerics;

namespace Lpu.Tensors;

/// <summary>
/// The VXM's integer operations (docs/architecture.md §6) on whole spans, element by element:
/// <c>add sub mul neg abs</c> saturate to the type's range; <c>min max and or xor not relu</c> are
/// exact. Types are i8, i16 and i32 (<see cref="sbyte"/>, <see cref="short"/>, <see cref="int"/>).
/// Whole vectors go through <see cref="Vector{T}"/>, the tail through a scalar loop.
/// </summary>
public static class Elementwise
{
    /// <summary>destination[i] = saturate(a[i] + b[i]).</summary>
    public static void Add<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Binary(a, b, destination, Vector.AddSaturate, static (x, y) => Saturate<T>(long.CreateTruncating(x) + long.CreateTruncating(y)));

    /// <summary>destination[i] = saturate(a[i] - b[i]).</summary>
    public static void Subtract<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Binary(a, b, destination, Vector.SubtractSaturate, static (x, y) => Saturate<T>(long.CreateTruncating(x) - long.CreateTruncating(y)));

    /// <summary>destination[i] = saturate(a[i] x b[i]).</summary>
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Binary(a, b, destination, MultiplySaturate, static (x, y) => Saturate<T>(long.CreateTruncating(x) * long.CreateTruncating(y)));

    /// <summary>destination[i] = min(a[i], b[i]).</summary>
    public static void Min<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Binary(a, b, destination, Vector.Min, T.Min);

    /// <summary>destination[i] = max(a[i], b[i]).</summary>
    public static void Max<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Binary(a, b, destination, Vector.Max, T.Max);

    /// <summary>destination[i] = a[i] &amp; b[i].</summary>
    public static void And<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Binary(a, b, destination, Vector.BitwiseAnd, static (x, y) => x & y);

    /// <summary>destination[i] = a[i] | b[i].</summary>
    public static void Or<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Binary(a, b, destination, Vector.BitwiseOr, static (x, y) => x | y);

    /// <summary>destination[i] = a[i] ^ b[i].</summary>
    public static void Xor<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Binary(a, b, destination, Vector.Xor, static (x, y) => x ^ y);

    /// <summary>destination[i] = saturate(-a[i]) (the minimum becomes the maximum).</summary>
    public static void Negate<T>(ReadOnlySpan<T> a, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Unary(a, destination, static v => Vector.SubtractSaturate(Vector<T>.Zero, v), static x => Saturate<T>(-long.CreateTruncating(x)));

    /// <summary>destination[i] = saturate(|a[i]|) (the minimum becomes the maximum).</summary>
    public static void Abs<T>(ReadOnlySpan<T> a, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Unary(a, destination, static v => Vector.Max(v, Vector.SubtractSaturate(Vector<T>.Zero, v)), static x => Saturate<T>(Math.Abs(long.CreateTruncating(x))));

    /// <summary>destination[i] = max(a[i], 0).</summary>
    public static void Relu<T>(ReadOnlySpan<T> a, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Unary(a, destination, static v => Vector.Max(v, Vector<T>.Zero), static x => T.Max(x, T.Zero));

    /// <summary>destination[i] = ~a[i].</summary>
    public static void Not<T>(ReadOnlySpan<T> a, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        => Unary(a, destination, Vector.OnesComplement, static x => ~x);

    private static T Saturate<T>(long value)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
        => T.CreateSaturating(value);

    // Widen, multiply exactly (an n-bit product fits in 2n bits), narrow with saturation.
    private static Vector<T> MultiplySaturate<T>(Vector<T> a, Vector<T> b)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (typeof(T) == typeof(sbyte))
        {
            Vector.Widen(a.As<T, sbyte>(), out var aLo, out var aHi);
            Vector.Widen(b.As<T, sbyte>(), out var bLo, out var bHi);
            return Vector.NarrowWithSaturation(aLo * bLo, aHi * bHi).As<sbyte, T>();
        }

        if (typeof(T) == typeof(short))
        {
            Vector.Widen(a.As<T, short>(), out var aLo, out var aHi);
            Vector.Widen(b.As<T, short>(), out var bLo, out var bHi);
            return Vector.NarrowWithSaturation(aLo * bLo, aHi * bHi).As<short, T>();
        }

        Vector.Widen(a.As<T, int>(), out var lo, out var hi);
        Vector.Widen(b.As<T, int>(), out var bl, out var bh);
        return Vector.NarrowWithSaturation(lo * bl, hi * bh).As<int, T>();
    }

    private static void Binary<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination, Func<Vector<T>, Vector<T>, Vector<T>> vector, Func<T, T, T> scalar)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        CheckType<T>();
        if (a.Length != b.Length || a.Length != destination.Length)
        {
            throw new ArgumentException($"operand lengths differ: a has {a.Length} elements, b {b.Length}, destination {destination.Length}");
        }

        var i = 0;
        for (; i <= a.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            vector(new Vector<T>(a[i..]), new Vector<T>(b[i..])).CopyTo(destination[i..]);
        }

        for (; i < a.Length; i++)
        {
            destination[i] = scalar(a[i], b[i]);
        }
    }

    private static void Unary<T>(ReadOnlySpan<T> a, Span<T> destination, Func<Vector<T>, Vector<T>> vector, Func<T, T> scalar)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        CheckType<T>();
        if (a.Length != destination.Length)
        {
            throw new ArgumentException($"operand lengths differ: a has {a.Length} elements, destination {destination.Length}");
        }

        var i = 0;
        for (; i <= a.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            vector(new Vector<T>(a[i..])).CopyTo(destination[i..]);
        }

        for (; i < a.Length; i++)
        {
            destination[i] = scalar(a[i]);
        }
    }

    private static void CheckType<T>()
    {
        if (typeof(T) != typeof(sbyte) && typeof(T) != typeof(short) && typeof(T) != typeof(int))
        {
            throw new NotSupportedException($"the VXM's integer types are i8, i16 and i32 (sbyte, short, int), not {typeof(T).Name}");
        }
    }
}
