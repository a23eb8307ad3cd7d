namespace Lpu.Architecture.Isa;

/// <summary>VXM element types; the value is the 3-bit type code in instruction words.</summary>
public enum DataType
{
    /// <summary>8-bit two's complement.</summary>
    I8 = 0,

    /// <summary>16-bit two's complement (2 streams).</summary>
    I16 = 1,

    /// <summary>32-bit two's complement (4 streams).</summary>
    I32 = 2,

    /// <summary>IEEE 754 binary16 (2 streams).</summary>
    F16 = 3,

    /// <summary>IEEE 754 binary32 (4 streams).</summary>
    F32 = 4,
}
