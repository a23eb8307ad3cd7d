using System.Globalization;
using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Model;
using Lpu.Rtl.Fpga;
using Lpu.Testing;

namespace Lpu.Rtl.Tests.Fpga;

/// <summary>
/// The generated <c>lpu_fpga_top</c> of the <c>ice40</c> preset in Icarus, driven over its UART pin by the
/// bytes <see cref="HostLinkProtocol"/> makes: load a program, START, poll STATUS, read SRAM and counters
/// back, and compare with the golden model.
/// </summary>
public sealed class HostLinkSimulationTests
{
    [Fact]
    public void AProgramSentOverTheUartRunsAndReadsBackLikeTheModel()
    {
        var config = Presets.Get("ice40");
        var design = FpgaGenerator.Generate(config);
        var program = Assembler.Assemble(File.ReadAllText(RepoPaths.Of("sim/programs/ice40_vector_ops.s")), config, "ice40_vector_ops.s");
        var model = new LpuSimulator(config);
        model.Load(program);

        // One flipped data bit in operand word 2 of slice 0, sent as a raw {check, data} word: both reads of
        // it (add, then sub) correct it and count it, on the FPGA as in the model.
        var p = design.Protocol;
        var word2 = new byte[config.VectorLength];
        model.ReadSram(0, 2, word2);
        var storedCheck = model.ReadCheckBits(0, 0, 2);
        word2[0] ^= 1 << 5;
        model.InjectBitFlip(0, 0, 2, 5);
        model.Run(10_000);
        Assert.Equal(2, model.Counters.EccCorrected);

        var script = new UartScript().Send(p.Load(program)).Send(p.WriteSramRaw(0, 0, 2, word2.AsSpan(0, config.LanesPerSuperlane), storedCheck))
            .Send(HostLinkProtocol.Start()).WaitDone();
        script.Request(HostLinkProtocol.Status(), p.ReplyBytes(HostLinkCommand.Status));
        var words = new List<(int Slice, int Tile, int Word)>();
        for (var slice = 0; slice < config.SliceCount; slice++)
        {
            // Words 0-3 hold the operands, 8-11 the results; the others were never written (X in Icarus).
            foreach (var word in (int[])[0, 1, 2, 3, 8, 9, 10, 11])
            {
                for (var tile = 0; tile < config.Superlanes; tile++)
                {
                    words.Add((slice, tile, word));
                    script.Request(p.ReadSram(slice, tile, word), p.ReplyBytes(HostLinkCommand.ReadSramRaw));
                }
            }
        }

        int[] counters = [1, 2, 3, 4, 5];
        foreach (var c in counters)
            script.Request(p.ReadCounter(c), p.ReplyBytes(HostLinkCommand.ReadCounter));

        var replies = Run(design, script, maxCycles: 400_000);
        var at = 0;
        byte[] Next(HostLinkCommand command)
        {
            var n = p.ReplyBytes(command);
            var reply = replies.Skip(at).Take(n).ToArray();
            at += n;
            return reply;
        }

        Assert.Equal(new HostLinkStatus(false, true), p.DecodeStatus(Next(HostLinkCommand.Status)));
        var lanes = config.LanesPerSuperlane;
        var vector = new byte[config.VectorLength];
        foreach (var (slice, tile, word) in words)
        {
            var (data, check) = p.DecodeSram(Next(HostLinkCommand.ReadSramRaw));
            model.ReadSram(slice, word, vector);
            Assert.True(vector.AsSpan(tile * lanes, lanes).SequenceEqual(data),
                $"slice {slice} tile {tile} word {word}: model {Convert.ToHexString(vector, tile * lanes, lanes)}, FPGA {Convert.ToHexString(data)}");
            Assert.Equal(model.ReadCheckBits(slice, tile, word), check);
        }

        var m = model.Counters;
        long[] expected = [m.Issued.Sum(), m.SramReads, m.SramWrites, m.EccCorrected, m.EccUncorrectable];
        for (var i = 0; i < counters.Length; i++)
            Assert.Equal(expected[i], p.DecodeCounter(Next(HostLinkCommand.ReadCounter)));
        Assert.Equal(replies.Count, at);
    }

    /// <summary>Runs the UART testbench in Icarus and returns the reply bytes it printed, in order.</summary>
    internal static List<byte> Run(FpgaDesign design, UartScript script, long maxCycles)
    {
        using var dir = new TempDir("fpga-uart");
        var files = HdlToolchain.Write(design.Verilog, dir).ToList();
        dir.Write("script.hex", script.ToHex());
        dir.Write("lpu_fpga_tb.v", script.Testbench(design, "script.hex", maxCycles));
        var output = Tools.IcarusRun(dir.Path, [.. files, "lpu_fpga_tb.v"], "lpu_fpga_tb").Output;
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var problems = lines.Where(l => l.StartsWith("timeout", StringComparison.Ordinal) || l.StartsWith("framing", StringComparison.Ordinal)
            || l.StartsWith("bad", StringComparison.Ordinal) || l.StartsWith("unexpected", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, "testbench reported: " + string.Join("; ", problems));
        Assert.Contains(lines, l => l.StartsWith("end after", StringComparison.Ordinal));
        var replies = lines.Where(l => l.StartsWith("rx ", StringComparison.Ordinal))
            .Select(l => byte.Parse(l[3..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(script.ExpectedBytes, replies.Count);
        return replies;
    }
}
