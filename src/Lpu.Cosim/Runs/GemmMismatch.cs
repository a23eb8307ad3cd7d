namespace Lpu.Cosim.Runs;

/// <summary>The first element of C (row, column) where a backend and the reference math differ.</summary>
public sealed record GemmMismatch(int Row, int Column, int Expected, int Actual, int Count)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"C[{Row},{Column}] = {Actual}, reference {Expected} ({Count} element(s) differ)";
}
