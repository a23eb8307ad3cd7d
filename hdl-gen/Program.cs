namespace Lpu.HdlGen;

/// <summary>Entry point of the <c>hdl-gen</c> command-line tool: parses arguments and delegates.</summary>
public static class Program
{
    /// <summary>Runs the tool; exit code 0 success, 1 a check failed, 2 bad input or usage.</summary>
    public static int Main(string[] args) => Cli.Run(args, Console.Out, Console.Error);
}
