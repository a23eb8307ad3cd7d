using Lpu.Cosim.Verilator;

namespace Lpu.HdlGen;

/// <summary>Which exceptions mean "the user's input was bad" (exit 2) rather than a bug.</summary>
internal static class InputErrors
{
    /// <summary>
    /// Bad files, values and arguments; and RTL that does not build (an edited <c>--rtl</c>
    /// directory) or a missing tool, whose message names the file and line and how to replay the build.
    /// </summary>
    public static bool IsInputError(Exception e) => e is
        IOException or
        UnauthorizedAccessException or
        FormatException or
        ArgumentException or
        InvalidDataException or
        VerilatorBuildException;

    /// <summary>The message without .NET's "(Parameter 'x')" suffix, which means nothing to a user.</summary>
    public static string Describe(Exception e) =>
        e is ArgumentException { ParamName: { } name } a ? a.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
}
