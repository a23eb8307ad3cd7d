using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>The tile's view of the instruction in the cycle it arrives: which MEM op acts (valid
/// and powered), its word address, and the stream codes it reads. The stream selections are
/// written into the registers that take them (<see cref="SelectStream"/>), not as combinational
/// blocks: a simulator evaluates every combinational block every cycle, in every tile, and most
/// tiles are idle in most cycles.</summary>
internal sealed class TileDecode
{
    private readonly Module m;
    private readonly MemShape shape;
    private readonly Expr streams;

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
        TakesData = Flag(m, "takes_data", IsWrite | IsScatter);
        ReadAddress = MemIsa.Field(word, MemIsa.Read, "a")[shape.AddressBits - 1, 0];
        WriteAddress = MemIsa.Field(word, MemIsa.Write, "a")[shape.AddressBits - 1, 0];

        DataCode = Code(m, "data_code", IsWrite,
            MemIsa.Field(word, MemIsa.Write, "src"), MemIsa.Field(word, MemIsa.Scatter, "src"));
        AddressCode = Code(m, "adr_code", IsGather,
            MemIsa.Field(word, MemIsa.Gather, "adr"), MemIsa.Field(word, MemIsa.Scatter, "adr"));
        this.m = m;
        this.shape = shape;
        streams = ports.Streams;
    }

    public Expr IsRead { get; }

    public Expr IsWrite { get; }

    public Expr IsGather { get; }

    public Expr IsScatter { get; }

    /// <summary>A write or scatter: the data stream is read in this cycle.</summary>
    public Expr TakesData { get; }

    public Expr ReadAddress { get; }

    public Expr WriteAddress { get; }

    /// <summary>The stream code of the data stream (write src, scatter src).</summary>
    public Expr DataCode { get; }

    /// <summary>The stream code of the address stream (gather adr, scatter adr).</summary>
    public Expr AddressCode { get; }

    /// <summary>Assigns <paramref name="target"/> the low bits of this superlane's bytes of stream
    /// <paramref name="code"/> (0 for a code naming no stream). Called inside the target register's
    /// enable, so a simulator runs the case only when the tile takes a stream word, and synthesis
    /// needs no gate; for an address the bytes of lanes 0 and 1, little endian, taken modulo W (§5).</summary>
    public void SelectStream(Signal target, Expr code)
    {
        var choice = m.Switch(code);
        foreach (var (value, index) in MemTileGenerator.StreamCodes(shape.Streams))
        {
            var lsb = index * shape.DataBits;
            choice.Case(value, () => m.Assign(target, streams[lsb + target.Width - 1, lsb]));
        }

        choice.Default(() => m.Assign(target, 0));
    }

    private static Signal Flag(Module m, string name, Expr value)
    {
        var flag = m.Wire(name);
        m.Assign(flag, value);
        return flag;
    }

    /// <summary>The stream code field of the acting instruction: <paramref name="first"/> when
    /// <paramref name="isFirst"/>, else <paramref name="second"/>. Not gated (forcing it to 0 while
    /// unused cost an iCE40 about 20 LUTs per tile in the case decoder behind it): only the
    /// selections that read it run under an enable.</summary>
    private static Signal Code(Module m, string name, Expr isFirst, Expr first, Expr second)
    {
        var code = m.Wire(name, first.Width);
        // The same bits in both encodings need no choice.
        var value = first is SliceExpr a && second is SliceExpr b && a.High == b.High && a.Low == b.Low && ReferenceEquals(a.Operand, b.Operand)
            ? first
            : Hw.Mux(isFirst, first, second);
        m.Assign(code, value);
        return code;
    }
}
