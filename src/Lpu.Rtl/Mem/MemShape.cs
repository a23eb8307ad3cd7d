using System.Numerics;
using Lpu.Architecture.Configuration;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>The widths a MEM slice and its tiles are built from.</summary>
internal sealed class MemShape
{
    public MemShape(LpuConfig config)
    {
        Superlanes = config.Superlanes;
        Lanes = config.LanesPerSuperlane;
        Streams = config.StreamsPerDirection;
        Words = config.Mem.WordsPerTile;
        Ecc = config.Mem.Ecc;
        AddressBits = Math.Max(1, BitOperations.Log2((uint)Words));
        CheckBits = Ecc ? new SecdedLayout(Lanes).CheckBits : 0;
    }

    public int Superlanes { get; }

    /// <summary>L, bytes per tile word.</summary>
    public int Lanes { get; }

    /// <summary>S, streams per direction.</summary>
    public int Streams { get; }

    /// <summary>W, words per tile.</summary>
    public int Words { get; }

    public bool Ecc { get; }

    /// <summary>log2 W: word address bits; the top one selects the bank.</summary>
    public int AddressBits { get; }

    /// <summary>C, 0 without ECC.</summary>
    public int CheckBits { get; }

    /// <summary>8L.</summary>
    public int DataBits => 8 * Lanes;

    /// <summary>A stored word: 8L + C.</summary>
    public int WordBits => DataBits + CheckBits;

    /// <summary>Words per bank, W/2.</summary>
    public int BankDepth => Math.Max(1, Words / 2);

    /// <summary>Host data width HW = max(64, 8L + C) (docs/rtl.md, host port).</summary>
    public int HostBits => Math.Max(64, WordBits);

    /// <summary>Both directions' streams at one superlane: 2S x 8L bits.</summary>
    public int TileStreamBits => 2 * Streams * DataBits;

    /// <summary><paramref name="address"/> widened to the 16-bit event field.</summary>
    public Expr Address16(Expr address) => address.Width == 16 ? address : address.ZeroExtend(16);
}
