using System.CommandLine;

namespace Lpu.HdlGen;

/// <summary>
/// Builds the command tree and maps outcomes to exit codes: 0 success, 1 a check failed
/// (mismatch, divergence), 2 bad input or usage. No exception escapes.
/// </summary>
public static class Cli
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a check ran and failed (mismatch, divergence, lint error).</summary>
    public const int CheckFailed = 1;

    /// <summary>Exit code for bad input or bad usage.</summary>
    public const int BadInput = 2;

    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("hdl-gen: generate, simulate and check LPU hardware.");
        foreach (var command in CommandCatalog.All(output))
            root.Subcommands.Add(command);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The first error is the one that explains; the rest are usually its echoes.
            var where = parse.CommandResult.Command == root ? "hdl-gen" : $"hdl-gen {parse.CommandResult.Command.Name}";
            var first = parse.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? parse.Errors[0];
            error.WriteLine($"error: {first.Message} (see '{where} --help')");
            return BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (InputErrors.IsInputError(e))
        {
            error.WriteLine($"error: {InputErrors.Describe(e)}");
            return BadInput;
        }
        catch (Exception e)
        {
            // A bug, not bad input: still no stack trace dump, but say it plainly.
            error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            return BadInput;
        }
    }
}
