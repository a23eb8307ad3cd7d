using System.Runtime.Intrinsics.X86;
using Lpu.Model.Numerics;

namespace Lpu.Model.State;

/// <summary>
/// The SRAM of every MEM slice (architecture.md §5): per slice W words of VL bytes (tile k holds
/// bytes [kL, kL+L) of a word) and, with ECC, one check field per tile word. Also tracks which
/// banks each tile uses in each cycle to detect bank conflicts.
/// </summary>
/// <remarks>
/// SECDED is kept lazily and observably the same: a word nobody has corrupted since it was
/// written always checks clean and its check field is the encoding of its data, so only words
/// hit by <see cref="FlipBit"/> since their last write store a check field (made from the data
/// just before the first flip) and are decoded on read; every other word skips the code.
/// </remarks>
internal sealed class SramState
{
    // Bank use bits in one cycle: read bank 0/1, write bank 0/1.
    public const int ReadBank0 = 1;
    public const int WriteBank0 = 4;
    public const int ReadBoth = 3;
    public const int WriteBoth = 12;

    private readonly byte[][] data;
    private readonly ushort[][]? check;   // valid only where corrupted is set
    private readonly bool[][]? corrupted;  // a bit flip was injected since the word's last write
    private int corruptedWords;
    private readonly long[] useCycle;
    private readonly int[] useMask;
    private readonly long[] versions;      // per slice: bumped by every change of its stored bits

    public SramState(int slices, int words, int superlanes, int lanes, bool ecc)
    {
        Slices = slices;
        Words = words;
        Superlanes = superlanes;
        Lanes = lanes;
        data = new byte[slices][];
        for (var i = 0; i < slices; i++)
            data[i] = new byte[words * superlanes * lanes];
        if (ecc)
        {
            Code = new SecdedCode(lanes);
            check = new ushort[slices][];
            corrupted = new bool[slices][];
            for (var i = 0; i < slices; i++)
            {
                check[i] = new ushort[words * superlanes];
                corrupted[i] = new bool[words * superlanes];
            }
        }

        useCycle = new long[slices * superlanes * 4];
        useMask = new int[slices * superlanes * 4];
        versions = new long[slices];
    }

    public int Slices { get; }

    public int Words { get; }

    public int Superlanes { get; }

    public int Lanes { get; }

    /// <summary>The SECDED code, or null without ECC.</summary>
    public SecdedCode? Code { get; }

    /// <summary>True when some stored word has an injected bit flip since its last write (its reads decode).</summary>
    public bool AnyCorrupted => corruptedWords > 0;

    /// <summary>
    /// Zeroes every word. Only slices whose version moved since the last reset are cleared: every
    /// change of stored bits goes through <see cref="Write"/> or <see cref="FlipBit"/>, which bump it
    /// (a full-size chip holds 220 MiB, and a program touches a few slices of it).
    /// </summary>
    public void Reset()
    {
        // Stored check fields need no clearing: only corrupted words use theirs.
        var flagsSet = corrupted is not null && corruptedWords > 0;
        for (var slice = 0; slice < Slices; slice++)
        {
            if (versions[slice] == 0)
                continue;
            Array.Clear(data[slice]);
            if (flagsSet)
                Array.Clear(corrupted![slice]);
        }

        corruptedWords = 0;
        Array.Clear(versions);

        Array.Fill(useCycle, -1);
        Array.Clear(useMask);
    }

    /// <summary>The stored L data bytes of one tile word (as stored, uncorrected).</summary>
    public ReadOnlySpan<byte> Tile(int slice, int k, int address) => Stored(slice, k, address);

    /// <summary>The writable bytes of a tile word: only <see cref="Write"/> and <see cref="FlipBit"/> change them.</summary>
    private Span<byte> Stored(int slice, int k, int address) =>
        data[slice].AsSpan(((address * Superlanes) + k) * Lanes, Lanes);

    /// <summary>The stored VL bytes of a whole word: tile k at [kL, kL+L).</summary>
    public ReadOnlySpan<byte> Word(int slice, int address) =>
        data[slice].AsSpan(address * Superlanes * Lanes, Superlanes * Lanes);

    /// <summary>
    /// Asks the CPU to bring a whole word into its caches, for a read that copies it a little
    /// later. It pays while the second core computes products: without it the copy waits on memory.
    /// </summary>
    public unsafe void Prefetch(int slice, int address)
    {
        if (!Sse.IsSupported)
            return;
        var bytes = Superlanes * Lanes;
        fixed (byte* word = &data[slice][address * bytes])
        {
            for (var offset = 0; offset < bytes; offset += 64)
                Sse.Prefetch0(word + offset);
            Sse.Prefetch0(word + bytes - 1);   // the word need not start a cache line
        }
    }

    /// <summary>
    /// A number that changes whenever any stored bit of <paramref name="slice"/> changes (a write
    /// or a bit flip): a copy of its words taken at one version is what a read would see as long
    /// as the version is unchanged.
    /// </summary>
    public long Version(int slice) => versions[slice];

    /// <summary>The stored check field of one tile word (0 without ECC).</summary>
    public ushort Check(int slice, int k, int address)
    {
        if (check is null)
            return 0;
        var word = (address * Superlanes) + k;
        return corrupted![slice][word] ? check[slice][word] : Code!.Encode(Tile(slice, k, address));
    }

    /// <summary>Writes one tile word; its check field is (implicitly) generated from the data.</summary>
    public void Write(int slice, int k, int address, ReadOnlySpan<byte> bytes)
    {
        LaneCopy.Copy(bytes, Stored(slice, k, address));
        versions[slice]++;
        if (corruptedWords > 0)
        {
            ref var flag = ref corrupted![slice][(address * Superlanes) + k];
            if (flag)
            {
                flag = false;
                corruptedWords--;
            }
        }
    }

    /// <summary>Reads one tile word into <paramref name="destination"/> and checks (and corrects) it.</summary>
    public EccStatus Read(int slice, int k, int address, Span<byte> destination)
    {
        LaneCopy.Copy(Tile(slice, k, address), destination);
        if (corruptedWords == 0)
            return EccStatus.Ok;
        var word = (address * Superlanes) + k;
        return corrupted![slice][word] ? Code!.Decode(destination, check![slice][word]) : EccStatus.Ok;
    }

    /// <summary>Flips one stored bit: data bits 0 .. 8L-1, then check bits.</summary>
    public void FlipBit(int slice, int k, int address, int bit)
    {
        versions[slice]++;
        if (check is not null)
        {
            // First flip since the last write: store the check field of the intact data.
            var word = (address * Superlanes) + k;
            if (!corrupted![slice][word])
            {
                check[slice][word] = Code!.Encode(Tile(slice, k, address));
                corrupted[slice][word] = true;
                corruptedWords++;
            }
        }

        if (bit < 8 * Lanes)
        {
            Stored(slice, k, address)[bit >> 3] ^= (byte)(1 << (bit & 7));
            return;
        }

        check![slice][(address * Superlanes) + k] ^= (ushort)(1 << (bit - (8 * Lanes)));
    }

    /// <summary>Bank of an address: its top bit.</summary>
    public int Bank(int address) => address >= Words / 2 ? 1 : 0;

    /// <summary>
    /// Records a use of banks (bits: read bank 0/1, write bank 0/1) by tile k of a slice in
    /// <paramref name="cycle"/>; returns a description of the conflict, or null.
    /// </summary>
    public string? Use(int slice, int k, long cycle, int mask)
    {
        var index = (((slice * Superlanes) + k) * 4) + (int)(cycle & 3);
        if (useCycle[index] != cycle)
        {
            useCycle[index] = cycle;
            useMask[index] = 0;
        }

        var old = useMask[index];
        useMask[index] = old | mask;
        if (!Conflict(old, mask))
            return null;
        return $"bank conflict in slice {slice} superlane {k}: {Describe(old)} and {Describe(mask)} in the same cycle";
    }

    /// <summary>Whether two uses of one tile's banks in one cycle conflict: a bank used twice the same way, or read and written.</summary>
    public static bool Conflict(int first, int second)
    {
        var all = first | second;
        var twice = (first & second) != 0;
        var readWriteSameBank = ((all & ReadBoth) & (all >> 2)) != 0;
        return twice || readWriteSameBank;
    }

    /// <summary>
    /// Writes tile k of a word for every k set in <paramref name="superlanes"/> from the same tile
    /// of <paramref name="word"/> (VL bytes); a whole word in one copy.
    /// </summary>
    public void WriteWord(int slice, int address, ReadOnlySpan<byte> word, ulong superlanes)
    {
        var all = Superlanes == 64 ? ulong.MaxValue : (1UL << Superlanes) - 1;
        if (superlanes == all && corruptedWords == 0)
        {
            word.CopyTo(data[slice].AsSpan(address * Superlanes * Lanes, Superlanes * Lanes));
            versions[slice]++;
            return;
        }

        for (var k = 0; k < Superlanes; k++)
        {
            if ((superlanes >> k & 1) != 0)
                Write(slice, k, address, word.Slice(k * Lanes, Lanes));
        }
    }

    private static string Describe(int mask) => mask switch
    {
        ReadBoth => "a gather (both banks)",
        WriteBoth => "a scatter (both banks)",
        ReadBank0 => "a read of bank 0",
        ReadBank0 << 1 => "a read of bank 1",
        WriteBank0 => "a write of bank 0",
        WriteBank0 << 1 => "a write of bank 1",
        _ => $"accesses 0x{mask:x}",
    };
}
