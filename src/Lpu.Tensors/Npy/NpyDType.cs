namespace Lpu.Tensors.Npy;

/// <summary>The element types the .npy reader and writer support (NumPy <c>descr</c> in brackets).</summary>
public enum NpyDType
{
    /// <summary>Signed byte, <c>|i1</c>, read as <see cref="sbyte"/>.</summary>
    Int8,

    /// <summary>Unsigned byte, <c>|u1</c>, read as <see cref="byte"/>.</summary>
    UInt8,

    /// <summary>Little-endian 32-bit integer, <c>&lt;i4</c>, read as <see cref="int"/>.</summary>
    Int32,

    /// <summary>Little-endian IEEE binary32, <c>&lt;f4</c>, read as <see cref="float"/>.</summary>
    Float32,
}
