namespace Lpu.Architecture.Isa;

/// <summary>How many consecutive streams a stream operand occupies.</summary>
public enum StreamSpan
{
    /// <summary>Not a stream, or one stream.</summary>
    One,

    /// <summary>Bytes of the instruction's <c>type</c> field.</summary>
    Type,

    /// <summary>Bytes of the <c>from</c> field (cvt source).</summary>
    FromType,

    /// <summary>Bytes of the <c>to</c> field (cvt result).</summary>
    ToType,

    /// <summary>Four streams (an i32 vector).</summary>
    Four,

    /// <summary>L streams (transpose).</summary>
    Lanes,

    /// <summary>The value of the <c>n</c> field (lw).</summary>
    Count,
}
