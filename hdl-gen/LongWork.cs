using Spectre.Console;

namespace Lpu.HdlGen;

/// <summary>Shows a spinner for long work on an interactive terminal, and one line otherwise.</summary>
internal static class LongWork
{
    public static T Run<T>(string what, TextWriter log, Func<T> work)
    {
        if (Console.IsErrorRedirected || Console.IsOutputRedirected || !ReferenceEquals(log, Console.Error))
        {
            log.WriteLine($"{what}...");
            return work();
        }

        return AnsiConsole.Status().Start($"{what}...", _ => work());
    }
}
