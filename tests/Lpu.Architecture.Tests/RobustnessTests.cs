using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Tests;

/// <summary>Bad input never crashes: random sources and corrupted images give only the documented errors.</summary>
public class RobustnessTests
{
    private static readonly string[] Words =
    [
        "mem.w.0:", "vxm.0:", "sxm.w.perm.0:", "mxm.0.a:", "mxm.0.w:", "nosuch:", ".data", ".bytes", ".i32", ".i16", ".permute", ".distribute",
        "sxm.w.perm.0", "sxm.w.dist.0", "read", "write", "gather", "add.i8", "add.i32", "cvt.i8.i32", "cvt.f16.i8", "repeat", "nop", "sync",
        "notify", "abc", "iw", "acc", "requant", "shift.up", "permute", "e0", "w7", "e63", "e64", "0", "1", "255", "256", "-1", "0x10",
        "65535", "99999999999999999999", "set", "add", ",", ";", "x", "", ".", "-", "0x",
    ];

    [Fact]
    public void Random_sources_either_assemble_or_report_errors()
    {
        var random = new Random(1234);
        var config = Presets.Get("small");
        for (var round = 0; round < 300; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 12))
                .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(1, 11)).Select(_ => Words[random.Next(Words.Length)])));
            var source = string.Join('\n', lines);
            try
            {
                Assembler.Assemble(source, config, "r.s");
            }
            catch (AssemblyException e)
            {
                Assert.NotEmpty(e.Diagnostics);
                Assert.All(e.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString()));
            }
        }
    }

    [Fact]
    public void Corrupted_images_are_rejected_as_invalid_data()
    {
        var config = Presets.Get("small");
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Programs", "all.s"));
        var image = ProgramImage.Write(Assembler.Assemble(source, config));
        var random = new Random(99);
        for (var round = 0; round < 500; round++)
        {
            var copy = (byte[])image.Clone();
            var at = random.Next(40, copy.Length);
            copy[at] ^= (byte)random.Next(1, 256);
            try
            {
                ProgramImage.Read(copy, config);
            }
            catch (InvalidDataException)
            {
                // The documented error; anything else fails the test.
            }
        }
    }

    [Fact]
    public void Random_field_bits_decode_to_the_same_word_or_raise_format_errors()
    {
        var random = new Random(7);
        var decoded = 0;
        for (var i = 0; i < 5000; i++)
        {
            var spec = InstructionSet.All[random.Next(InstructionSet.All.Count)];
            var used = spec.Fields.Aggregate(0UL, (m, f) => m | (((1UL << f.Width) - 1) << f.Lsb));
            var word = ((ulong)spec.Opcode << 56) | ((ulong)random.NextInt64() & used);
            try
            {
                Assert.Equal(word, Instruction.Decode(word).Encode());
                decoded++;
            }
            catch (FormatException e)
            {
                Assert.Contains("bad type code", e.Message);   // the only invalid field contents
            }
        }

        Assert.True(decoded > 2500, $"only {decoded} of 5000 decoded");
    }
}
