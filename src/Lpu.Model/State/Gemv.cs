using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Lpu.Model.State;

/// <summary>
/// The MXM's inner product of int8 values held as int16: pairs multiplied and added into int32
/// lanes (x86 pmaddwd; exact since |a x b| &lt;= 2^14), with a scalar fallback and tail.
/// </summary>
internal static class Gemv
{
    public static int Dot(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        var n = a.Length;
        var i = 0;
        var sum = 0;
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        if (Avx512BW.IsSupported && n >= 32)
        {
            var acc = Vector512<int>.Zero;
            for (; i + 32 <= n; i += 32)
                acc += Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref ra, (nuint)i), Vector512.LoadUnsafe(ref rb, (nuint)i));
            sum = Vector512.Sum(acc);
        }
        else if (Avx2.IsSupported && n >= 16)
        {
            var acc = Vector256<int>.Zero;
            for (; i + 16 <= n; i += 16)
                acc += Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i));
            sum = Vector256.Sum(acc);
        }

        for (; i < n; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
