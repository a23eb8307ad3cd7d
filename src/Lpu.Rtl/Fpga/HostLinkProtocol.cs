using System.Buffers.Binary;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;
using Lpu.Rtl.Top;

namespace Lpu.Rtl.Fpga;

/// <summary>
/// The byte protocol of the FPGA wrapper's UART host link (docs/rtl.md "FPGA wrapper"), for one
/// configuration: encodes commands and whole programs into the bytes a host sends, and decodes the
/// link's replies. The wrapper's hardware is generated from the same lengths, so both sides agree.
/// A command is a byte <c>0xA0 | code</c> followed by its payload, multi-byte fields most significant
/// byte first; a reply is <c>0xB0 | code</c> followed by its data.
/// </summary>
public sealed class HostLinkProtocol
{
    /// <summary>High nibble of every command byte.</summary>
    public const byte CommandPrefix = 0xA0;

    /// <summary>High nibble of every reply's first byte.</summary>
    public const byte ReplyPrefix = 0xB0;

    /// <summary>Bytes of the address field (<c>host_addr</c>).</summary>
    public const int AddressBytes = 4;

    /// <summary>Bytes of a counter value in a READ_COUNTER reply.</summary>
    public const int CounterBytes = 4;

    /// <summary>A frame whose bytes are further apart than this many clock cycles is dropped.</summary>
    public const int GapTimeoutCycles = 1 << 16;

    private readonly Floorplan plan;

    /// <summary>The protocol of <paramref name="config"/> (validated).</summary>
    public HostLinkProtocol(LpuConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        plan = new Floorplan(config);
        CheckBits = TopBuilder.CheckBits(config);
        HostDataWidth = Math.Max(64, (8 * config.LanesPerSuperlane) + CheckBits);
        Queues = [.. plan.Queues.Where(q => q.Kind is UnitKind.Mem or UnitKind.Vxm).Select(q => q.Index)];
    }

    /// <summary>The configuration.</summary>
    public LpuConfig Config { get; }

    /// <summary>C: SECDED check bits of a tile word (0 without ECC).</summary>
    public int CheckBits { get; }

    /// <summary>HW: width of <c>lpu_top</c>'s <c>host_wdata</c> and <c>host_rdata</c>.</summary>
    public int HostDataWidth { get; }

    /// <summary>Bytes of a raw <c>{check, data}</c> tile word on the link: ceil((8L + C) / 8).</summary>
    public int RawWordBytes => ((8 * Config.LanesPerSuperlane) + CheckBits + 7) / 8;

    /// <summary>Global queue indices the RTL implements (MEM and VXM).</summary>
    public IReadOnlyList<int> Queues { get; }

    /// <summary>Payload bytes that follow the command byte.</summary>
    public int PayloadBytes(HostLinkCommand command) => command switch
    {
        HostLinkCommand.WriteQueue => AddressBytes + 8,
        HostLinkCommand.SetQueueLength => AddressBytes + 2,
        HostLinkCommand.WriteSram => AddressBytes + Config.LanesPerSuperlane,
        HostLinkCommand.WriteSramRaw => AddressBytes + RawWordBytes,
        HostLinkCommand.ReadSramRaw or HostLinkCommand.ReadCounter => AddressBytes,
        HostLinkCommand.Start or HostLinkCommand.Status => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "not a host link command"),
    };

    /// <summary>Bytes of the reply, header included; 0 for commands without one.</summary>
    public int ReplyBytes(HostLinkCommand command) => command switch
    {
        HostLinkCommand.ReadSramRaw => 1 + RawWordBytes,
        HostLinkCommand.ReadCounter => 1 + CounterBytes,
        HostLinkCommand.Status => 2,
        _ => 0,
    };

    /// <summary>The longest payload of any command.</summary>
    public int MaxPayloadBytes => Enum.GetValues<HostLinkCommand>().Max(PayloadBytes);

    /// <summary>The longest reply.</summary>
    public int MaxReplyBytes => Enum.GetValues<HostLinkCommand>().Max(ReplyBytes);

    /// <summary>WRITE_QUEUE: entry <paramref name="entry"/> of global queue <paramref name="queue"/>.</summary>
    public byte[] WriteQueue(int queue, int entry, ulong word)
    {
        CheckQueue(queue);
        CheckRange(entry, Config.Icu.QueueDepth, "queue entry");
        return Frame(HostLinkCommand.WriteQueue, Address(queue, 0, entry), word, 8);
    }

    /// <summary>SET_QUEUE_LENGTH: queue <paramref name="queue"/> holds <paramref name="length"/> instructions.</summary>
    public byte[] SetQueueLength(int queue, int length)
    {
        CheckQueue(queue);
        CheckRange(length, Config.Icu.QueueDepth + 1, "queue length");
        return Frame(HostLinkCommand.SetQueueLength, Address(queue, 0, 0), (ulong)length, 2);
    }

    /// <summary>WRITE_SRAM: word <paramref name="word"/> of tile <paramref name="tile"/> of global slice
    /// <paramref name="slice"/> gets the L bytes <paramref name="data"/> (lane 0 first); the RTL adds the check bits.</summary>
    public byte[] WriteSram(int slice, int tile, int word, ReadOnlySpan<byte> data)
    {
        CheckTileWord(slice, tile, word);
        if (data.Length != Config.LanesPerSuperlane)
            throw new ArgumentException($"a tile word is {Config.LanesPerSuperlane} bytes, got {data.Length}", nameof(data));
        var frame = Header(HostLinkCommand.WriteSram, Address(slice, tile, word));
        for (var i = data.Length - 1; i >= 0; i--)   // most significant byte (the highest lane) first
            frame.Add(data[i]);
        return [.. frame];
    }

    /// <summary>WRITE_SRAM_RAW: the tile word gets exactly <c>{check, data}</c> (error injection): L data bytes
    /// (lane 0 first) and <paramref name="check"/>, the C check bits.</summary>
    public byte[] WriteSramRaw(int slice, int tile, int word, ReadOnlySpan<byte> data, int check)
    {
        CheckTileWord(slice, tile, word);
        if (data.Length != Config.LanesPerSuperlane)
            throw new ArgumentException($"a tile word is {Config.LanesPerSuperlane} bytes, got {data.Length}", nameof(data));
        if (check < 0 || check >= 1 << CheckBits)
            throw new ArgumentOutOfRangeException(nameof(check), check, $"the check bits are {CheckBits} bits");
        var raw = new System.Numerics.BigInteger(data, isUnsigned: true) | ((System.Numerics.BigInteger)check << (8 * data.Length));
        var frame = Header(HostLinkCommand.WriteSramRaw, Address(slice, tile, word));
        for (var i = RawWordBytes - 1; i >= 0; i--)
            frame.Add((byte)((raw >> (8 * i)) & 0xFF));
        return [.. frame];
    }

    /// <summary>READ_SRAM_RAW of one tile word; the reply has <see cref="ReplyBytes"/> bytes.</summary>
    public byte[] ReadSram(int slice, int tile, int word)
    {
        CheckTileWord(slice, tile, word);
        return [.. Header(HostLinkCommand.ReadSramRaw, Address(slice, tile, word))];
    }

    /// <summary>READ_COUNTER of counter <paramref name="index"/> (docs/rtl.md "Host port").</summary>
    public byte[] ReadCounter(int index)
    {
        CheckRange(index, 1 << 16, "counter index");
        return [.. Header(HostLinkCommand.ReadCounter, Address(0, 0, index))];
    }

    /// <summary>START.</summary>
    public static byte[] Start() => [CommandPrefix | (int)HostLinkCommand.Start];

    /// <summary>STATUS.</summary>
    public static byte[] Status() => [CommandPrefix | (int)HostLinkCommand.Status];

    /// <summary>
    /// Every command that loads <paramref name="program"/>: each implemented queue's instructions and length,
    /// then the initial SRAM words, tile by tile. A program for units the RTL lacks (SXM, MXM) is refused.
    /// </summary>
    public byte[] Load(LpuProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (program.Config != Config)
            throw new ArgumentException("the program is for a different configuration than the host link", nameof(program));
        var missing = plan.Queues.Where(q => program.Queues[q.Index].Count > 0 && !Queues.Contains(q.Index)).Select(q => q.Name).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"the RTL has no {string.Join(", ", missing)} (SXM and MXM are not generated): the program cannot run on the FPGA", nameof(program));
        if (program.Maps.Count > 0)
            throw new ArgumentException("the program has SXM map tables, which the RTL does not implement", nameof(program));

        var bytes = new List<byte>();
        foreach (var q in Queues)
        {
            var list = program.Queues[q];
            if (list.Count > Config.Icu.QueueDepth)
                throw new ArgumentException($"queue {plan.Queues[q].Name} has {list.Count} instructions, the queues hold {Config.Icu.QueueDepth}", nameof(program));
            for (var i = 0; i < list.Count; i++)
                bytes.AddRange(WriteQueue(q, i, list[i].Encode()));
            bytes.AddRange(SetQueueLength(q, list.Count));
        }

        var vl = Config.VectorLength;
        var lanes = Config.LanesPerSuperlane;
        foreach (var block in program.Data)
        {
            for (var w = 0; w < block.WordCount(vl); w++)
            {
                for (var k = 0; k < Config.Superlanes; k++)
                    bytes.AddRange(WriteSram(block.Slice, k, block.Address + w, block.Bytes.AsSpan((w * vl) + (k * lanes), lanes)));
            }
        }

        return [.. bytes];
    }

    /// <summary>Decodes a STATUS reply.</summary>
    public HostLinkStatus DecodeStatus(ReadOnlySpan<byte> reply)
    {
        CheckReply(reply, HostLinkCommand.Status);
        return new HostLinkStatus((reply[1] & 1) != 0, (reply[1] & 2) != 0);
    }

    /// <summary>Decodes a READ_COUNTER reply.</summary>
    public uint DecodeCounter(ReadOnlySpan<byte> reply)
    {
        CheckReply(reply, HostLinkCommand.ReadCounter);
        return BinaryPrimitives.ReadUInt32BigEndian(reply[1..]);
    }

    /// <summary>Decodes a READ_SRAM_RAW reply into the L data bytes (lane 0 first) and the check bits.</summary>
    public (byte[] Data, int Check) DecodeSram(ReadOnlySpan<byte> reply)
    {
        CheckReply(reply, HostLinkCommand.ReadSramRaw);
        var lanes = Config.LanesPerSuperlane;
        var raw = reply[1..];
        var data = new byte[lanes];
        for (var i = 0; i < lanes; i++)
            data[i] = raw[raw.Length - 1 - i];   // least significant byte last on the wire
        var check = 0;
        for (var b = 0; b < CheckBits; b++)
        {
            var bit = (8 * lanes) + b;
            check |= ((raw[raw.Length - 1 - (bit / 8)] >> (bit % 8)) & 1) << b;
        }

        return (data, check);
    }

    private static ulong Address(int unit, int tile, int index) => ((ulong)(uint)unit << 24) | ((ulong)(uint)tile << 16) | (uint)index;

    private static List<byte> Header(HostLinkCommand command, ulong address)
    {
        var frame = new List<byte>(16) { (byte)(CommandPrefix | (int)command) };
        for (var i = AddressBytes - 1; i >= 0; i--)
            frame.Add((byte)(address >> (8 * i)));
        return frame;
    }

    private static byte[] Frame(HostLinkCommand command, ulong address, ulong data, int dataBytes)
    {
        var frame = Header(command, address);
        for (var i = dataBytes - 1; i >= 0; i--)
            frame.Add((byte)(data >> (8 * i)));
        return [.. frame];
    }

    private void CheckReply(ReadOnlySpan<byte> reply, HostLinkCommand command)
    {
        var expected = ReplyBytes(command);
        if (reply.Length != expected)
            throw new FormatException($"a {command} reply is {expected} bytes, got {reply.Length}");
        if (reply[0] != (ReplyPrefix | (int)command))
            throw new FormatException($"a {command} reply starts with 0x{ReplyPrefix | (int)command:X2}, got 0x{reply[0]:X2}");
    }

    private void CheckQueue(int queue)
    {
        if (!Queues.Contains(queue))
            throw new ArgumentOutOfRangeException(nameof(queue), queue, $"the RTL implements queues {string.Join(", ", Queues)}");
    }

    private void CheckTileWord(int slice, int tile, int word)
    {
        CheckRange(slice, Config.SliceCount, "global slice");
        CheckRange(tile, Config.Superlanes, "tile (superlane)");
        CheckRange(word, Config.Mem.WordsPerTile, "tile word");
    }

    private static void CheckRange(int value, int limit, string what)
    {
        if (value < 0 || value >= limit)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{what} must be in 0..{limit - 1}");
    }
}
