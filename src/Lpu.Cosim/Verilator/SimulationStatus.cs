namespace Lpu.Cosim.Verilator;

/// <summary>
/// Whether a model instance still runs. Verilator implements <c>$fatal</c> as a message followed by
/// <c>$stop</c>, so both report <see cref="Stopped"/>; <see cref="Fatal"/> is Verilator's own
/// run-time error (e.g. a combinational loop that does not settle).
/// </summary>
public enum SimulationStatus
{
    Running = 0,
    Finished = 1,
    Stopped = 2,
    Fatal = 3,
}
