namespace Lpu.HdlGen.Tests;

public class CliTests
{
    [Fact]
    public void Unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Cli.Run(["frobnicate"], output, error);
        Assert.Equal(2, code);
        Assert.Contains("frobnicate", error.ToString());
    }

    [Fact]
    public void Version_prints_the_assembly_version()
    {
        var output = new StringWriter();
        var code = Cli.Run(["version"], output, new StringWriter());
        Assert.Equal(0, code);
        Assert.Equal("0.1.0", output.ToString().Trim());
    }
}
