using Lpu.Architecture.Configuration;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>
/// Generates <c>lpu_mem_slice</c> with exactly the ports of docs/rtl.md: SL <c>lpu_mem_tile</c>s
/// and the instruction skew pipeline (the instruction issued to superlane 0 in cycle t reaches
/// tile k in t + k), each tile's bytes of the stream registers, the host port's SRAM commands
/// routed to <c>host_tile</c>, and <c>host_rdata</c> registered two cycles after a READ_SRAM_RAW.
/// </summary>
public static class MemSliceGenerator
{
    /// <summary>The module name.</summary>
    public const string Name = "lpu_mem_slice";

    /// <summary>The slice of <paramref name="config"/> (all slices share it).</summary>
    public static Module Create(LpuConfig config, RtlOptions options)
    {
        var shape = new MemShape(config);
        var sl = shape.Superlanes;
        var vl = config.VectorLength;
        var m = new Module(Name);
        var d = m.ClockDomain();
        var issueValid = m.Input("issue_valid");
        var issueWord = m.Input("issue_word", 64);
        var powered = m.Input("powered", sl);
        var streamIn = m.Input("stream_in", 2 * shape.Streams * vl * 8);
        var outValid = m.Output("out_valid", sl);
        var outCode = m.Output("out_code", 7 * sl);
        var outData = m.Output("out_data", shape.DataBits * sl);
        var sramWe = m.Output("sram_we", sl);
        var sramAddr = m.Output("sram_addr", 16 * sl);
        var sramWdata = m.Output("sram_wdata", shape.DataBits * sl);
        var eccCorrected = m.Output("ecc_corrected", sl);
        var eccUncorrectable = m.Output("ecc_uncorrectable", sl);
        var eccAddr = m.Output("ecc_addr", 16 * sl);
        var sramRead = m.Output("sram_read", sl);
        var hostValid = m.Input("host_valid");
        var hostOp = m.Input("host_op", 3);
        var hostTile = m.Input("host_tile", 8);
        var hostWord = m.Input("host_word", 16);
        var hostWdata = m.Input("host_wdata", shape.HostBits);
        var hostRdata = m.Output("host_rdata", shape.HostBits);

        var tile = MemTileGenerator.Create(config, options);
        var tiles = new Instance[sl];
        Expr valid = issueValid;
        Expr word = issueWord;
        for (var k = 0; k < sl; k++)
        {
            if (k > 0)
            {
                // One register per superlane: tile k sees the instruction one cycle after tile k-1.
                var skewValid = m.Reg($"skew_valid_{k}", 1, d);
                var skewWord = m.Reg($"skew_word_{k}", 64, d, enable: valid);
                m.Assign(skewValid, valid);
                m.Assign(skewWord, word);
                valid = skewValid;
                word = skewWord;
            }

            tiles[k] = m.Instance(tile, $"tile{k}")
                .Connect("clk", d.Clock)
                .Connect("rst_n", d.Reset!)
                .Connect("inst_valid", valid)
                .Connect("inst_word", word)
                .Connect("powered", powered[k])
                .Connect("streams", TileStreams(shape, vl, streamIn, k))
                .Connect("host_valid", hostValid & hostTile.Eq(k))
                .Connect("host_op", hostOp)
                .Connect("host_word", hostWord)
                .Connect("host_wdata", hostWdata[shape.WordBits - 1, 0]);
        }

        m.Assign(outValid, Gather(tiles, "out_valid"));
        m.Assign(outCode, Gather(tiles, "out_code"));
        m.Assign(outData, Gather(tiles, "out_data"));
        m.Assign(sramWe, Gather(tiles, "sram_we"));
        m.Assign(sramAddr, Gather(tiles, "sram_addr"));
        m.Assign(sramWdata, Gather(tiles, "sram_wdata"));
        m.Assign(eccCorrected, Gather(tiles, "ecc_corrected"));
        m.Assign(eccUncorrectable, Gather(tiles, "ecc_uncorrectable"));
        m.Assign(eccAddr, Gather(tiles, "ecc_addr"));
        m.Assign(sramRead, Gather(tiles, "sram_read"));
        // Named: Verilator reports an unnamed temporary here (tmp) as hidden by the tile's function locals.
        var hostRead = m.Wire("host_read");
        m.Assign(hostRead, hostValid & hostOp.Eq((int)HostOp.ReadSramRaw));
        m.Assign(hostRdata, HostReadback(m, d, shape, tiles, hostRead, hostTile));
        return m;
    }

    /// <summary>Superlane <paramref name="k"/>'s bytes of every stream, (dir x S + s) x 8L upward.</summary>
    private static Expr TileStreams(MemShape shape, int vl, Expr streamIn, int k)
    {
        var count = 2 * shape.Streams;
        var parts = new Expr[count];
        for (var index = 0; index < count; index++)
        {
            var lsb = ((index * vl) + (k * shape.Lanes)) * 8;
            parts[count - 1 - index] = streamIn[lsb + shape.DataBits - 1, lsb];
        }

        return parts.Length == 1 ? parts[0] : Hw.Concat(parts);
    }

    /// <summary>Output <paramref name="port"/> of every tile, tile 0 in the low bits.</summary>
    private static Expr Gather(Instance[] tiles, string port)
    {
        if (tiles.Length == 1)
        {
            return tiles[0].Output(port);
        }

        return Hw.Concat([.. tiles.Reverse().Select(t => (Expr)t.Output(port))]);
    }

    /// <summary>READ_SRAM_RAW in cycle h: the tile reads in h, its word is picked in h+1 and
    /// registered, so <c>host_rdata</c> holds it from h+2 (docs/rtl.md, host port).</summary>
    private static Signal HostReadback(Module m, ClockDomain d, MemShape shape, Instance[] tiles, Expr hostRead, Expr hostTile)
    {
        var pending = m.Reg("host_read_pending", 1, d);
        var pendingTile = m.Reg("host_read_tile", 8, d, enable: hostRead);
        m.Assign(pending, hostRead);
        m.Assign(pendingTile, hostTile);

        // The tile's word is picked inside the register's enable: a simulator runs the case only in the
        // cycle it is registered, and synthesis needs no gate for it.
        var rdata = m.Reg("host_rdata_held", shape.HostBits, d, enable: pending);
        var choice = m.Switch(pendingTile);
        for (var k = 0; k < tiles.Length; k++)
        {
            var raw = tiles[k].Output("raw_data");
            choice.Case(k, () => m.Assign(rdata, shape.WordBits == shape.HostBits ? raw : raw.ZeroExtend(shape.HostBits)));
        }

        choice.Default(() => m.Assign(rdata, 0));
        return rdata;
    }
}
