namespace Lpu.Cosim.Verilator;

/// <summary>
/// The model ended the simulation ($finish, $stop, $fatal or a Verilator run-time error). The
/// process keeps running; the instance refuses further evaluation.
/// </summary>
public sealed class VerilatorSimulationException(SimulationStatus status, ulong cycle, string message)
    : Exception(message)
{
    public SimulationStatus Status { get; } = status;

    /// <summary>The cycle count when the simulation ended.</summary>
    public ulong Cycle { get; } = cycle;
}
