using Lpu.Architecture.Assembly;
using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Tests;

public class RoundTripTests
{
    public static TheoryData<string, string> Sources => new()
    {
        { "all.s", "small" },
        { "tsp.s", "tsp" },
        { "empty.s", "ice40" },
        { "empty.s", "medium" },
    };

    private static string Source(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Programs", name));

    [Theory]
    [MemberData(nameof(Sources))]
    public void Text_image_text_image_is_byte_identical(string file, string preset)
    {
        var config = Presets.Get(preset);
        var image1 = ProgramImage.Write(Assembler.Assemble(Source(file), config, file));
        var text2 = Disassembler.ToText(ProgramImage.Read(image1, config));
        var image2 = ProgramImage.Write(Assembler.Assemble(text2, config, "disasm"));
        Assert.Equal(image1, image2);
        Assert.Equal(text2, Disassembler.ToText(ProgramImage.Read(image2, config)));
    }

    [Fact]
    public void All_program_uses_every_instruction_of_the_table()
    {
        var program = Assembler.Assemble(Source("all.s"), Presets.Get("small"), "all.s");
        var used = program.Queues.SelectMany(q => q).Select(i => i.Spec.Mnemonic).ToHashSet();
        Assert.All(InstructionSet.All, s => Assert.Contains(s.Mnemonic, used));
    }

    [Fact]
    public void Data_lines_lay_out_multi_byte_elements_as_byte_planes()
    {
        var program = Assembler.Assemble(Source("all.s"), Presets.Get("small"), "all.s");
        var block = program.Data[1];
        Assert.Equal(5, block.Slice);
        Assert.Equal(128, block.Address);
        Assert.Equal(6 * 8, block.Bytes.Length);            // .i32 = 4 words, .i16 = 2 words
        // Lane 2 holds 65536 = 0x00010000: bytes 00 00 01 00 in words 0..3.
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, new[] { block.Bytes[2], block.Bytes[10], block.Bytes[18], block.Bytes[26] });
        // Lane 0 of the .i16 line holds -32768 = 0x8000: low byte 00 in word 4, high byte 80 in word 5.
        Assert.Equal(0x00, block.Bytes[32]);
        Assert.Equal(0x80, block.Bytes[40]);
    }

    [Fact]
    public void Image_header_has_magic_and_config_hash()
    {
        var config = Presets.Get("small");
        var image = ProgramImage.Write(Assembler.Assemble("", config));
        Assert.Equal("LPUPROG1"u8.ToArray(), image[..8]);
        Assert.Equal(ConfigJson.Hash(config), Convert.ToHexStringLower(image[8..40]));
        // 25 queue counts of 0, then block and map counts of 0.
        Assert.Equal(8 + 32 + 4 + (25 * 4) + 4 + 4, image.Length);
    }

    [Fact]
    public void Image_for_another_configuration_is_rejected()
    {
        var image = ProgramImage.Write(Assembler.Assemble("", Presets.Get("small")));
        var e = Assert.Throws<InvalidDataException>(() => ProgramImage.Read(image, Presets.Get("medium"), "p.lpu"));
        Assert.StartsWith("p.lpu: byte 8: made for configuration ", e.Message);
    }

    [Fact]
    public void Truncated_image_is_rejected()
    {
        var image = ProgramImage.Write(Assembler.Assemble(Source("all.s"), Presets.Get("small")));
        var e = Assert.Throws<InvalidDataException>(() => ProgramImage.Read(image[..^3], Presets.Get("small"), "p.lpu"));
        Assert.Contains("p.lpu: byte ", e.Message);
    }
}
