namespace Lpu.Cosim.Verilator;

/// <summary>
/// The workload a profile-guided build (<see cref="VerilatorOptions.ProfileGuided"/>) is trained on.
/// <see cref="Name"/> goes into the build's hash, so a different workload must have a different
/// name; <see cref="Run"/> drives a fresh instance of the instrumented library (it should be
/// deterministic, and short: a few thousand cycles settle the counts).
/// </summary>
public sealed record ProfileTraining(string Name, Action<VerilatorSimulation> Run);
