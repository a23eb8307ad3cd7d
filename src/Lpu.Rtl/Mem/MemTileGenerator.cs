using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>
/// Generates <c>lpu_mem_tile</c>: one superlane of a MEM slice, acting on the instruction in the
/// cycle it reaches the tile (cycle A = t + k, <c>inst_valid</c>/<c>inst_word</c>, <c>powered</c>
/// sampled then). Two banks of W/2 words x (8L + C) bits (bank = top address bit), SECDED encode on
/// write, check and correct on read (architecture.md §3, §5, §11):
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
        // Payload registers load only when used, so idle tiles do not toggle them.
        var gatherAddr = m.Reg("gather_addr", shape.AddressBits, d, enable: decode.IsGather);
        var gatherCode = m.Reg("gather_code", 7, d, enable: decode.IsGather);
        m.Assign(gatherValid, decode.IsGather);
        m.Assign(gatherAddr, decode.StreamAddress);
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
        var writing = decode.IsWrite | decode.IsScatter;
        var writeAddr = m.Reg("write_addr", shape.AddressBits, d, enable: writing);
        var writeData = m.Reg("write_data", shape.DataBits, d, enable: writing);
        m.Assign(writeValid, writing);
        m.Assign(writeAddr, Hw.Mux(decode.IsWrite, decode.WriteAddress, decode.StreamAddress));
        m.Assign(writeData, decode.StreamData);

        var cookedIn = m.Wire("encode_in", shape.DataBits);
        m.Assign(cookedIn, Hw.Mux(hostWrite, ports.HostWdata[shape.DataBits - 1, 0], writeData));
        var cooked = WithCheck(m, shape, cookedIn);
        var bankWdata = m.Wire("bank_wdata", shape.WordBits);
        m.Assign(bankWdata, Hw.Mux(ports.HostValid & ports.HostOp.Eq((int)HostOp.WriteSramRaw), ports.HostWdata, cooked));
        var bankWaddr = m.Wire("bank_waddr", shape.AddressBits);
        m.Assign(bankWaddr, Hw.Mux(hostWrite, hostAddr, writeAddr));
        var bankWe = m.Wire("bank_we");
        m.Assign(bankWe, writeValid | hostWrite);

        var word = TileBanks.Build(m, d, shape, options, bankRe, bankRaddr, bankWe, bankWaddr, bankWdata);
        m.Assign(ports.RawData, word);

        // Result stage: the word read last cycle, checked and corrected in this one.
        var resultValid = m.Reg("result_valid", 1, d);
        var resultCode = m.Reg("result_code", 7, d);
        var resultAddr = m.Reg("result_addr", shape.AddressBits, d);
        m.Assign(resultValid, readNow);
        m.Assign(resultCode, readCode);
        m.Assign(resultAddr, readAddr);
        var checkedData = Check(m, shape, word, resultValid, ports);

        m.Assign(ports.OutValid, resultValid);
        m.Assign(ports.OutCode, Hw.Mux(resultValid, resultCode, Hw.Const(0, 7)));
        m.Assign(ports.OutData, Hw.Mux(resultValid, checkedData, Hw.Const(0, shape.DataBits)));
        m.Assign(ports.EccAddr, Hw.Mux(resultValid, shape.Address16(resultAddr), Hw.Const(0, 16)));
        m.Assign(ports.SramRead, readNow);
        m.Assign(ports.SramWe, writeValid);
        m.Assign(ports.SramAddr, Hw.Mux(writeValid, shape.Address16(writeAddr), Hw.Const(0, 16)));
        m.Assign(ports.SramWdata, Hw.Mux(writeValid, writeData, Hw.Const(0, shape.DataBits)));
        return m;
    }

    /// <summary><c>{check, data}</c> for the banks (just data without ECC).</summary>
    private static Expr WithCheck(Module m, MemShape shape, Expr data)
    {
        if (!shape.Ecc)
        {
            return data;
        }

        var encoder = m.Instance(SecdedEncoderGenerator.Create(shape.Lanes), "enc");
        encoder.Connect("data", data);
        return Hw.Concat(encoder.Output("check"), data);
    }

    /// <summary>The corrected data of <paramref name="word"/>; drives the ECC flags (0 without ECC).</summary>
    private static Expr Check(Module m, MemShape shape, Expr word, Expr valid, TilePorts ports)
    {
        if (!shape.Ecc)
        {
            m.Assign(ports.EccCorrected, 0);
            m.Assign(ports.EccUncorrectable, 0);
            return word;
        }

        var decoder = m.Instance(SecdedDecoderGenerator.Create(shape.Lanes), "dec");
        decoder.Connect("data", word[shape.DataBits - 1, 0]);
        decoder.Connect("check", word[shape.WordBits - 1, shape.DataBits]);
        m.Assign(ports.EccCorrected, valid & decoder.Output("corrected"));
        m.Assign(ports.EccUncorrectable, valid & decoder.Output("uncorrectable"));
        return decoder.Output("data_out");
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
