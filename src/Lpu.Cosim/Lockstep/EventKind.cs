namespace Lpu.Cosim.Lockstep;

/// <summary>The kinds of observable events of architecture.md §10, in their trace order.</summary>
public enum EventKind : byte
{
    /// <summary>A unit produced on a stream register.</summary>
    Stream,

    /// <summary>An SRAM tile word was written.</summary>
    SramWrite,

    /// <summary>An ECC check found an error.</summary>
    Ecc,

    /// <summary>A queue issued an instruction.</summary>
    Issue,
}
