namespace Lpu.Testing;

/// <summary>A snapshot differs from its verified file; the message holds the diff.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
