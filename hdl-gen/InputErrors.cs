namespace Lpu.HdlGen;

/// <summary>Which exceptions mean "the user's input was bad" (exit 2) rather than a bug.</summary>
internal static class InputErrors
{
    public static bool IsInputError(Exception e) => e is
        IOException or
        UnauthorizedAccessException or
        FormatException or
        ArgumentException or
        InvalidDataException;

    /// <summary>The message without .NET's "(Parameter 'x')" suffix, which means nothing to a user.</summary>
    public static string Describe(Exception e) =>
        e is ArgumentException { ParamName: { } name } a ? a.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
}
