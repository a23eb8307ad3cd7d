namespace Lpu.Rtl;

/// <summary>The kinds of event fields on the <c>events</c> output (docs/rtl.md "Event port").</summary>
public enum TraceKind
{
    /// <summary><c>{valid, code[6:0], data[8L-1:0]}</c>: a MEM slice's stream value, readable this cycle.</summary>
    MemStream,

    /// <summary><c>{valid, code[6:0], bytes[2:0], data[32L-1:0]}</c>: a VXM ALU's result, readable this cycle;
    /// stream code + j carries data bits [(j L + i) 8 + 7 : (j L + i) 8] on lane i of the superlane.</summary>
    VxmStream,

    /// <summary><c>{valid, addr[15:0], data[8L-1:0]}</c>: a tile's SRAM write in this cycle.</summary>
    SramWrite,

    /// <summary><c>{corrected, uncorrectable, addr[15:0]}</c>: a tile's ECC event in this cycle.</summary>
    Ecc,

    /// <summary><c>{valid, word[63:0]}</c>: a queue's issue in this cycle.</summary>
    Issue,
}
