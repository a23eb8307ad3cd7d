namespace Lpu.Model;

/// <summary>
/// A runtime error of the simulated program (a bank conflict, two results in one stream register,
/// a queue waiting forever, an address stepped out of range): the cycle and a clear message.
/// </summary>
public sealed class SimulationException(long cycle, string detail) : Exception($"cycle {cycle}: {detail}")
{
    /// <summary>The cycle in which the error happened.</summary>
    public long Cycle { get; } = cycle;

    /// <summary>The message without the cycle prefix.</summary>
    public string Detail { get; } = detail;
}
