using Lpu.Architecture.Isa;

namespace Lpu.Architecture.Tests;

public class IsaDocumentTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lpu.Hardware.sln")))
            dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, relative);
    }

    [Fact]
    public void Committed_isa_md_equals_the_generated_text()
    {
        var path = RepoFile("docs/isa.md");
        var generated = IsaDocument.Generate();
        if (Environment.GetEnvironmentVariable("LPU_UPDATE_DOCS") == "1")
            File.WriteAllText(path, generated);
        Assert.True(File.Exists(path), "docs/isa.md is missing: run with LPU_UPDATE_DOCS=1");
        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void Document_lists_every_instruction_with_its_encoding()
    {
        var text = IsaDocument.Generate();
        foreach (var s in InstructionSet.All)
            Assert.Contains($"### `{s.Mnemonic}` (0x{s.Opcode:x2})", text);
        Assert.Contains("| `a` | [55:40] | word address |", text);      // read's address field
        Assert.Contains("t' = t + d + j", text);
        Assert.Contains("round to nearest even", text);
    }
}
