namespace Lpu.Hdl.Checks;

/// <summary>Thrown by elaboration (and so by emission) with every error found, in creation order.</summary>
public sealed class HdlElaborationException : Exception
{
    public HdlElaborationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Format(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>All errors, in the order the offending things were created or checked.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Format(IReadOnlyList<Diagnostic> diagnostics) =>
        $"{diagnostics.Count} elaboration error(s):\n" + string.Join('\n', diagnostics);
}
