namespace Lpu.Cosim.Verilator;

/// <summary>Whether a top-level port of a Verilated model is driven by the caller or by the model.</summary>
public enum PortDirection
{
    Input,
    Output,
}
