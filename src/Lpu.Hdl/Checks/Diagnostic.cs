namespace Lpu.Hdl.Checks;

/// <summary>One elaboration error: which check, a message naming the module and the thing, and the
/// C# location that created the offending thing.</summary>
public sealed record Diagnostic(DiagnosticKind Kind, string Message, SourceLocation Location)
{
    /// <summary><c>File.cs:12: error: message</c>.</summary>
    public override string ToString() => $"{Location}: error: {Message}";
}
