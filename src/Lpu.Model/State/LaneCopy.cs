using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lpu.Model.State;

/// <summary>
/// Copies one superlane's lanes (L bytes): the hot copy of the model. L = 4, 8 and 16 (the
/// presets) are single moves instead of a call to the general memory copy.
/// </summary>
internal static class LaneCopy
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        // The length checks keep the moves inside both spans.
        if (source.Length == 16 && destination.Length >= 16)
            Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<Vector128<byte>>(ref from));
        else if (source.Length == 8 && destination.Length >= 8)
            Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<ulong>(ref from));
        else if (source.Length == 4 && destination.Length >= 4)
            Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<uint>(ref from));
        else
            source.CopyTo(destination);
    }
}
