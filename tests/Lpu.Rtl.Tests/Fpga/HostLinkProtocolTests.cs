using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Rtl.Fpga;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Fpga;

/// <summary>The host-side encoder and decoder of the UART host link, byte by byte as docs/rtl.md lays them out.</summary>
public sealed class HostLinkProtocolTests
{
    private static readonly LpuConfig Small = Presets.Get("small");

    [Fact]
    public void CommandsAreTheCommandByteThenTheAddressAndDataMostSignificantFirst()
    {
        var p = new HostLinkProtocol(Small);
        var vxm = new Lpu.Architecture.Layout.Floorplan(Small).FindQueue("vxm.0")!.Index;
        Assert.Equal([0xA1, (byte)vxm, 0, 0, 3, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88], p.WriteQueue(vxm, 3, 0x1122334455667788));
        Assert.Equal([0xA2, (byte)vxm, 0, 0, 0, 0x00, 0xC8], p.SetQueueLength(vxm, 200));
        // L = 4 lanes per superlane: the highest lane goes first.
        Assert.Equal([0xA3, 5, 1, 0x00, 0xFE, 4, 3, 2, 1], p.WriteSram(5, 1, 254, [1, 2, 3, 4]));
        Assert.Equal([0xA5, 7, 0, 0x00, 0x81], p.ReadSram(7, 0, 129));
        // {check = 0x5A (7 bits), data}: 39 bits in 5 bytes, the check bits in the first.
        Assert.Equal([0xA4, 2, 1, 0, 9, 0x5A, 4, 3, 2, 1], p.WriteSramRaw(2, 1, 9, [1, 2, 3, 4], 0x5A));
        Assert.Equal([0xA6, 0, 0, 0, 3], p.ReadCounter(3));
        Assert.Equal([0xA7], HostLinkProtocol.Start());
        Assert.Equal([0xA8], HostLinkProtocol.Status());
    }

    [Fact]
    public void PayloadAndReplyLengthsFollowTheLanesAndCheckBits()
    {
        // small: L = 4, 32 data bits + 7 SECDED check bits = 39 bits = 5 bytes on the link.
        var p = new HostLinkProtocol(Small);
        Assert.Equal(5, p.RawWordBytes);
        Assert.Equal(12, p.PayloadBytes(HostLinkCommand.WriteQueue));
        Assert.Equal(8, p.PayloadBytes(HostLinkCommand.WriteSram));
        Assert.Equal(9, p.PayloadBytes(HostLinkCommand.WriteSramRaw));
        Assert.Equal(0, p.PayloadBytes(HostLinkCommand.Start));
        Assert.Equal(6, p.ReplyBytes(HostLinkCommand.ReadSramRaw));
        Assert.Equal(5, p.ReplyBytes(HostLinkCommand.ReadCounter));
        Assert.Equal(2, p.ReplyBytes(HostLinkCommand.Status));
        Assert.Equal(0, p.ReplyBytes(HostLinkCommand.WriteQueue));
    }

    [Fact]
    public void RepliesDecodeToDataCheckBitsCountersAndStatus()
    {
        var p = new HostLinkProtocol(Small);
        // {check = 0x5A (7 bits), data = lanes 3..0 = 0x44 0x33 0x22 0x11}: 39 bits in 5 bytes.
        var (data, check) = p.DecodeSram([0xB5, 0x5A, 0x44, 0x33, 0x22, 0x11]);
        Assert.Equal([0x11, 0x22, 0x33, 0x44], data);
        Assert.Equal(0x5A, check);
        Assert.Equal(0x01020304u, p.DecodeCounter([0xB6, 1, 2, 3, 4]));
        Assert.Equal(new HostLinkStatus(Running: false, Done: true), p.DecodeStatus([0xB8, 0x02]));
        Assert.Equal(new HostLinkStatus(Running: true, Done: false), p.DecodeStatus([0xB8, 0x01]));
    }

    [Fact]
    public void BadRepliesAndArgumentsGiveOneClearError()
    {
        var p = new HostLinkProtocol(Small);
        Assert.Contains("starts with 0xB8", Assert.Throws<FormatException>(() => p.DecodeStatus([0xB6, 0x02])).Message);
        Assert.Contains("2 bytes, got 1", Assert.Throws<FormatException>(() => p.DecodeStatus([0xB8])).Message);
        Assert.Contains("tile word", Assert.Throws<ArgumentOutOfRangeException>(() => p.ReadSram(0, 0, Small.Mem.WordsPerTile)).Message);
        Assert.Contains("4 bytes", Assert.Throws<ArgumentException>(() => p.WriteSram(0, 0, 0, [1, 2])).Message);
        Assert.Contains("implements queues", Assert.Throws<ArgumentOutOfRangeException>(() => p.WriteQueue(Small.QueueCount, 0, 0)).Message);
    }

    [Fact]
    public void LoadingAProgramWritesEveryQueueThenItsLengthThenTheData()
    {
        var config = Presets.Get("ice40");
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of("sim/programs/ice40_vector_ops.s")), config, "ice40_vector_ops.s");
        var p = new HostLinkProtocol(config);
        var bytes = p.Load(program);
        var instructions = p.Queues.Sum(q => program.Queues[q].Count);
        var words = program.Data.Sum(b => b.WordCount(config.VectorLength)) * config.Superlanes;
        Assert.Equal((instructions * 13) + (p.Queues.Count * 7) + (words * (5 + config.LanesPerSuperlane)), bytes.Length);
        Assert.Equal(p.WriteQueue(p.Queues[0], 0, program.Queues[p.Queues[0]][0].Encode()), bytes[..13]);
    }

    [Fact]
    public void AProgramForUnitsTheRtlLacksIsRefused()
    {
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of("sim/programs/permute.s")), Small, "permute.s");
        var e = Assert.Throws<ArgumentException>(() => new HostLinkProtocol(Small).Load(program));
        Assert.Contains("sxm", e.Message, StringComparison.Ordinal);
    }
}
