namespace Lpu.Tensors.Npy;

/// <summary>
/// Errors for unreadable .npy files. <see cref="InvalidDataException"/> is sealed, so the errors
/// are that type itself (which the CLI maps to exit code 2), with the file name leading the message.
/// </summary>
internal static class NpyErrors
{
    public static InvalidDataException Create(string fileName, string problem) => new($"{fileName}: {problem}");
}
