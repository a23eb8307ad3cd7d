using Lpu.Model.Icu;

namespace Lpu.Model;

/// <summary>
/// An issued instruction travelling down the superlanes: in cycle Issue + k it works on superlane
/// k. Holds what it collected so far (SXM/abc input vector, gather addresses) and which superlanes
/// were powered when it reached them.
/// </summary>
internal sealed class InFlight
{
    public DecodedOp Op;
    public int Queue;
    public long Issue;
    public int Position;
    public int Unit;

    /// <summary>Cycles after issue in which the record still has work: SL, or SL + 1 for gather.</summary>
    public int Span;

    /// <summary>Bit k: superlane k was powered when the instruction reached it.</summary>
    public ulong Powered;

    /// <summary>Scratch for the collected input (resized on demand, reused from a pool).</summary>
    public byte[] Buffer = [];

    /// <summary>iw: the snapshot of the load buffer being taken (row-major VL x VL).</summary>
    public sbyte[] Weights = [];

    /// <summary>
    /// read: the SRAM version of its slice when the whole word was copied into <see cref="Buffer"/>
    /// at issue, or -1 when it was not (a corrupted word somewhere: reads decode tile by tile).
    /// iw: the plane's load-buffer version when the buffer was copied into <see cref="Weights"/>.
    /// </summary>
    public long CapturedVersion;

    /// <summary>read: it books no SRAM banks, no conflict being possible (see LpuSimulator.CaptureWord).</summary>
    public bool BanksFree;

    /// <summary>Per-superlane addresses (gather/scatter) or row pointer (lw, in [0]).</summary>
    public int[] Addresses = [];
}
