namespace Lpu.Cosim.Runs;

/// <summary>Where a program runs: the golden model, the generated RTL in Verilator, or both in lockstep.</summary>
public enum Backend
{
    /// <summary>The golden functional model.</summary>
    Model,

    /// <summary>The generated RTL, simulated by Verilator.</summary>
    Rtl,

    /// <summary>Both, compared cycle by cycle.</summary>
    Both,
}
