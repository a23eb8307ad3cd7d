namespace Lpu.Architecture.Isa;

/// <summary>What an operand field holds and how assembly writes it.</summary>
public enum OperandKind
{
    /// <summary>Unsigned count (nop n, repeat n/d, lw n).</summary>
    Count,

    /// <summary>Two's complement immediate (repeat step, requant scale).</summary>
    Signed,

    /// <summary>MEM word address, &lt; W.</summary>
    Address,

    /// <summary>Stream read by the instruction, written e&lt;s&gt; / w&lt;s&gt;.</summary>
    StreamRead,

    /// <summary>Stream the instruction produces on.</summary>
    StreamWrite,

    /// <summary>Data type, written as a mnemonic suffix (add.i32, cvt.i8.i32), not as an operand.</summary>
    Type,

    /// <summary>SXM map table slot.</summary>
    Map,

    /// <summary>MXM accumulator row.</summary>
    Row,

    /// <summary>abc mode: set (0) or add (1).</summary>
    Mode,

    /// <summary>Superlane power mask (bit k = superlane k on).</summary>
    Mask,

    /// <summary>Unsigned amount (shift, rotate, requant shift).</summary>
    Amount,
}
