using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>The ports of <c>lpu_mem_tile</c>, declared in order.</summary>
internal sealed class TilePorts
{
    public TilePorts(Module m, MemShape shape)
    {
        InstValid = m.Input("inst_valid");
        InstWord = m.Input("inst_word", 64);
        Powered = m.Input("powered");
        Streams = m.Input("streams", shape.TileStreamBits);
        HostValid = m.Input("host_valid");
        HostOp = m.Input("host_op", 3);
        HostWord = m.Input("host_word", 16);
        HostWdata = m.Input("host_wdata", shape.WordBits);
        OutValid = m.Output("out_valid");
        OutCode = m.Output("out_code", 7);
        OutData = m.Output("out_data", shape.DataBits);
        SramWe = m.Output("sram_we");
        SramAddr = m.Output("sram_addr", 16);
        SramWdata = m.Output("sram_wdata", shape.DataBits);
        EccCorrected = m.Output("ecc_corrected");
        EccUncorrectable = m.Output("ecc_uncorrectable");
        EccAddr = m.Output("ecc_addr", 16);
        SramRead = m.Output("sram_read");
        RawData = m.Output("raw_data", shape.WordBits);
    }

    /// <summary>The instruction reaches this tile in this cycle.</summary>
    public Signal InstValid { get; }

    public Signal InstWord { get; }

    public Signal Powered { get; }

    /// <summary>Bytes (dir, s) of this superlane at 8L x (dir x S + s).</summary>
    public Signal Streams { get; }

    /// <summary>A host command for this tile.</summary>
    public Signal HostValid { get; }

    public Signal HostOp { get; }

    public Signal HostWord { get; }

    /// <summary><c>{check, data}</c> (op 4) or data in the low 8L bits (op 3).</summary>
    public Signal HostWdata { get; }

    public Signal OutValid { get; }

    public Signal OutCode { get; }

    public Signal OutData { get; }

    public Signal SramWe { get; }

    public Signal SramAddr { get; }

    public Signal SramWdata { get; }

    public Signal EccCorrected { get; }

    public Signal EccUncorrectable { get; }

    public Signal EccAddr { get; }

    public Signal SramRead { get; }

    /// <summary>The stored word read in the previous cycle, unchecked (host READ_SRAM_RAW).</summary>
    public Signal RawData { get; }
}
