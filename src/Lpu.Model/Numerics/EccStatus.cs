namespace Lpu.Model.Numerics;

/// <summary>Outcome of checking one SRAM tile word against its SECDED check field (architecture.md §5).</summary>
public enum EccStatus
{
    /// <summary>Syndrome 0 and parity correct: the word is as written.</summary>
    Ok,

    /// <summary>One bit was wrong (data, Hamming or parity bit) and the data passed on is corrected.</summary>
    Corrected,

    /// <summary>A double error (or a syndrome naming no position): the data passed on is as read.</summary>
    Uncorrectable,
}
