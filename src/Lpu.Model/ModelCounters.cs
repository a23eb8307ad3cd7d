namespace Lpu.Model;

/// <summary>
/// Activity counters of a run: instructions issued per queue (global order), SRAM tile-word reads
/// and writes by the program, ECC corrected/uncorrectable, MXM multiply-accumulates, stream
/// productions (one per superlane and stream), and the cycle count.
/// </summary>
public sealed class ModelCounters
{
    internal ModelCounters(int queues) => Issued = new long[queues];

    /// <summary>Cycles simulated.</summary>
    public long Cycles { get; internal set; }

    /// <summary>Instructions issued per queue, in global queue order (each repeated copy counts).</summary>
    public long[] Issued { get; }

    /// <summary>Tile words read from SRAM by read/gather.</summary>
    public long SramReads { get; internal set; }

    /// <summary>Tile words written to SRAM by write/scatter.</summary>
    public long SramWrites { get; internal set; }

    /// <summary>Single errors corrected.</summary>
    public long EccCorrected { get; internal set; }

    /// <summary>Errors detected and not corrected.</summary>
    public long EccUncorrectable { get; internal set; }

    /// <summary>int8 multiply-accumulates done by abc (VL x VL each).</summary>
    public long Macs { get; internal set; }

    /// <summary>Superlane stream values produced (one per stream event).</summary>
    public long StreamProductions { get; internal set; }

    internal void Reset()
    {
        Cycles = 0;
        Array.Clear(Issued);
        SramReads = 0;
        SramWrites = 0;
        EccCorrected = 0;
        EccUncorrectable = 0;
        Macs = 0;
        StreamProductions = 0;
    }
}
