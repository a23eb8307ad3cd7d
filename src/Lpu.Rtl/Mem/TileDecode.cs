using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>The tile's view of the instruction in the cycle it arrives: which MEM op acts (valid
/// and powered), its word address, and the data and address read from its streams.</summary>
internal sealed class TileDecode
{
    public TileDecode(Module m, MemShape shape, TilePorts ports)
    {
        var word = ports.InstWord;
        var opcode = MemIsa.Opcode(word);
        // §11: the power state is sampled when the instruction reaches the tile.
        var acts = m.Wire("acts");
        m.Assign(acts, ports.InstValid & ports.Powered);
        IsRead = Flag(m, "is_read", acts & opcode.Eq(MemIsa.Read.Opcode));
        IsWrite = Flag(m, "is_write", acts & opcode.Eq(MemIsa.Write.Opcode));
        IsGather = Flag(m, "is_gather", acts & opcode.Eq(MemIsa.Gather.Opcode));
        IsScatter = Flag(m, "is_scatter", acts & opcode.Eq(MemIsa.Scatter.Opcode));
        ReadAddress = MemIsa.Field(word, MemIsa.Read, "a")[shape.AddressBits - 1, 0];
        WriteAddress = MemIsa.Field(word, MemIsa.Write, "a")[shape.AddressBits - 1, 0];

        var isWriteOp = opcode.Eq(MemIsa.Write.Opcode);
        var dataCode = Hw.Mux(isWriteOp, MemIsa.Field(word, MemIsa.Write, "src"), MemIsa.Field(word, MemIsa.Scatter, "src"));
        var isGatherOp = opcode.Eq(MemIsa.Gather.Opcode);
        var addressCode = Hw.Mux(isGatherOp, MemIsa.Field(word, MemIsa.Gather, "adr"), MemIsa.Field(word, MemIsa.Scatter, "adr"));
        StreamData = Select(m, shape, ports.Streams, dataCode, "stream_data");
        // §5: lanes 0 and 1 little endian form a 16-bit address, taken modulo W.
        StreamAddress = Select(m, shape, ports.Streams, addressCode, "stream_adr")[shape.AddressBits - 1, 0];
    }

    public Expr IsRead { get; }

    public Expr IsWrite { get; }

    public Expr IsGather { get; }

    public Expr IsScatter { get; }

    public Expr ReadAddress { get; }

    public Expr WriteAddress { get; }

    /// <summary>The superlane's bytes of the data stream (write src, scatter src).</summary>
    public Expr StreamData { get; }

    /// <summary>The per-tile address (gather/scatter adr), modulo W.</summary>
    public Expr StreamAddress { get; }

    private static Signal Flag(Module m, string name, Expr value)
    {
        var flag = m.Wire(name);
        m.Assign(flag, value);
        return flag;
    }

    /// <summary>The 8L bits of stream <paramref name="code"/> (0 for a code naming no stream).</summary>
    private static Signal Select(Module m, MemShape shape, Expr streams, Expr code, string name)
    {
        var selected = m.Wire(name, shape.DataBits);
        var choice = m.Switch(code);
        foreach (var (value, index) in MemTileGenerator.StreamCodes(shape.Streams))
        {
            var lsb = index * shape.DataBits;
            choice.Case(value, () => m.Assign(selected, streams[lsb + shape.DataBits - 1, lsb]));
        }

        choice.Default(() => m.Assign(selected, 0));
        return selected;
    }
}
