using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>
/// Generates <c>lpu_mem_tile</c>: one superlane of a MEM slice, acting on the instruction in the
/// cycle it reaches the tile (cycle A = t + k, <c>inst_valid</c>/<c>inst_word</c>, <c>powered</c>
/// sampled then). Two banks of W/2 words x (8L + C) bits (bank = top address bit), SECDED encode on
/// write, check and correct on read (architecture.md §3, §5, §11). The stream selections sit in the
/// enables of the registers that take them, the encoder and the decoder in <c>always @*</c> blocks
/// guarded by the write enable and the result-valid register, so an idle tile costs a simulator a
/// few branches per cycle and synthesis the same logic as unguarded code (docs/rtl.md):
/// <c>read</c> SRAM in A, ECC and <c>out_valid</c> in A+1; <c>write</c>/<c>scatter</c> stream in A,
/// SRAM written in A+1; <c>gather</c> address in A, SRAM in A+1, ECC and <c>out_valid</c> in A+2.
/// Host ops 3 and 4 write in their cycle; op 5 reads, <c>raw_data</c> holds the word in the next.
/// </summary>
public static class MemTileGenerator
{
    /// <summary>The module name.</summary>
    public const string Name = "lpu_mem_tile";

    /// <summary>The tile of <paramref name="config"/>; banks are macro wrappers when
    /// <paramref name="options"/> asks.</summary>
    public static Module Create(LpuConfig config, RtlOptions options)
    {
        var shape = new MemShape(config);
        var m = new Module(Name);
        var d = m.ClockDomain();
        var ports = new TilePorts(m, shape);
        var decode = new TileDecode(m, shape, ports);

        // Gather: the address read from the stream in A drives the SRAM in A+1.
        var gatherValid = m.Reg("gather_valid", 1, d);
        // Payload registers load only when used, so idle tiles do not toggle them; the stream
        // selections sit inside their enables, so a simulator runs them only for an acting tile.
        var gatherAddr = m.Reg("gather_addr", shape.AddressBits, d, enable: decode.IsGather);
        var gatherCode = m.Reg("gather_code", 7, d, enable: decode.IsGather);
        m.Assign(gatherValid, decode.IsGather);
        decode.SelectStream(gatherAddr, decode.AddressCode);
        m.Assign(gatherCode, MemIsa.Field(ports.InstWord, MemIsa.Gather, "dst"));

        // The SRAM read of this cycle: a read in A or a gather in A+1 (the assembler keeps them apart).
        var readNow = m.Wire("read_now");
        m.Assign(readNow, decode.IsRead | gatherValid);
        var readAddr = m.Wire("read_addr", shape.AddressBits);
        m.Assign(readAddr, Hw.Mux(decode.IsRead, decode.ReadAddress, gatherAddr));
        var readCode = Hw.Mux(decode.IsRead, MemIsa.Field(ports.InstWord, MemIsa.Read, "dst"), gatherCode);

        var hostRead = m.Wire("host_read");
        m.Assign(hostRead, ports.HostValid & ports.HostOp.Eq((int)HostOp.ReadSramRaw));
        var hostWrite = m.Wire("host_write");
        m.Assign(hostWrite, ports.HostValid & (ports.HostOp.Eq((int)HostOp.WriteSram) | ports.HostOp.Eq((int)HostOp.WriteSramRaw)));
        var hostAddr = ports.HostWord[shape.AddressBits - 1, 0];

        var bankRaddr = m.Wire("bank_raddr", shape.AddressBits);
        m.Assign(bankRaddr, Hw.Mux(hostRead, hostAddr, readAddr));
        var bankRe = m.Wire("bank_re");
        m.Assign(bankRe, readNow | hostRead);

        // The write of this cycle: a write/scatter registered in A, or a host write.
        var writeValid = m.Reg("write_valid", 1, d);
        var writeAddr = m.Reg("write_addr", shape.AddressBits, d, enable: decode.TakesData);
        var writeData = m.Reg("write_data", shape.DataBits, d, enable: decode.TakesData);
        m.Assign(writeValid, decode.TakesData);
        m.When(decode.IsWrite, () => m.Assign(writeAddr, decode.WriteAddress))
            .Otherwise(() => decode.SelectStream(writeAddr, decode.AddressCode));
        decode.SelectStream(writeData, decode.DataCode);

        var bankWaddr = m.Wire("bank_waddr", shape.AddressBits);
        m.Assign(bankWaddr, Hw.Mux(hostWrite, hostAddr, writeAddr));
        var bankWe = m.Wire("bank_we");
        m.Assign(bankWe, writeValid | hostWrite);
        // The stored word, encoded only while a word is written (0 otherwise: the banks ignore it).
        // One guarded block rather than the encoder inside each bank's write: with a copy per bank
        // the iCE40 preset measured about 190 more logic cells.
        var bankWdata = m.Wire("bank_wdata", shape.WordBits);
        var data = Hw.Mux(hostWrite, ports.HostWdata[shape.DataBits - 1, 0], writeData);
        var stored = shape.Ecc ? SecdedEncoderGenerator.Encode(shape.Lanes).Call([data]) : data;
        m.When(bankWe, () => m.Assign(bankWdata, Hw.Mux(ports.HostValid & ports.HostOp.Eq((int)HostOp.WriteSramRaw), ports.HostWdata, stored)));

        var banks = TileBanks.Build(m, d, shape, options, bankRe, bankRaddr, bankWe, bankWaddr, bankWdata);
        m.Assign(ports.RawData, banks.Word());

        // Result stage: the word read last cycle, checked and corrected in this one.
        var resultValid = m.Reg("result_valid", 1, d);
        var resultCode = m.Reg("result_code", 7, d);
        var resultAddr = m.Reg("result_addr", shape.AddressBits, d);
        m.Assign(resultValid, readNow);
        m.Assign(resultCode, readCode);
        m.Assign(resultAddr, readAddr);
        Check(m, shape, banks, resultValid, ports);

        m.Assign(ports.OutValid, resultValid);
        m.Assign(ports.OutCode, Hw.Mux(resultValid, resultCode, Hw.Const(0, 7)));
        m.Assign(ports.EccAddr, Hw.Mux(resultValid, shape.Address16(resultAddr), Hw.Const(0, 16)));
        m.Assign(ports.SramRead, readNow);
        m.Assign(ports.SramWe, writeValid);
        m.Assign(ports.SramAddr, Hw.Mux(writeValid, shape.Address16(writeAddr), Hw.Const(0, 16)));
        m.Assign(ports.SramWdata, Hw.Mux(writeValid, writeData, Hw.Const(0, shape.DataBits)));
        return m;
    }

    /// <summary>Drives <c>out_data</c> and the ECC flags from the word read last cycle while
    /// <paramref name="valid"/> (all 0 otherwise; the flags always 0 without ECC). The decoder runs in a
    /// block guarded by <paramref name="valid"/>, so a simulator decodes only the words read. Its
    /// argument reads the bank registers directly: Verilator 5 moves an expression that reads only
    /// continuously assigned nets out of its <c>always @*</c> into an unconditional assignment
    /// (DFG extraction), which would decode in every tile every cycle again.</summary>
    private static void Check(Module m, MemShape shape, BankRead banks, Expr valid, TilePorts ports)
    {
        if (!shape.Ecc)
        {
            m.Assign(ports.EccCorrected, 0);
            m.Assign(ports.EccUncorrectable, 0);
            m.Assign(ports.OutData, Hw.Mux(valid, banks.Word(), Hw.Const(0, shape.DataBits)));
            return;
        }

        var n = shape.DataBits;
        var checkedWord = m.Wire("checked", n + 2);
        m.When(valid, () => m.Assign(checkedWord, SecdedDecoderGenerator.Decode(shape.Lanes).Call([banks.Word()])));
        m.Assign(ports.OutData, checkedWord[n - 1, 0]);
        m.Assign(ports.EccCorrected, checkedWord[n]);
        m.Assign(ports.EccUncorrectable, checkedWord[n + 1]);
    }

    /// <summary>Case values of every stream code, with its index in the tile's <c>streams</c> bus.</summary>
    internal static IEnumerable<(long Code, int Index)> StreamCodes(int streamsPerDirection)
    {
        for (var dir = 0; dir < 2; dir++)
        {
            for (var s = 0; s < streamsPerDirection; s++)
            {
                yield return (new StreamRef((Direction)dir, s).Code, (dir * streamsPerDirection) + s);
            }
        }
    }
}
