namespace Lpu.Model.Numerics;

/// <summary>VXM element types (architecture.md §6); an element of width w spans w consecutive streams.</summary>
public enum ElementType
{
    /// <summary>8-bit two's complement.</summary>
    I8,

    /// <summary>16-bit two's complement.</summary>
    I16,

    /// <summary>32-bit two's complement.</summary>
    I32,

    /// <summary>IEEE 754 binary16.</summary>
    F16,

    /// <summary>IEEE 754 binary32.</summary>
    F32,
}
