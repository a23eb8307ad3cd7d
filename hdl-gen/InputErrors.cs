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
}
