namespace Lpu.Architecture.Assembly;

/// <summary>One assembly error at <c>file:line:col</c> (1-based; the column of the offending token).</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
