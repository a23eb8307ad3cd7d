namespace Lpu.Architecture.Layout;

/// <summary>The three queues of an MXM plane (architecture.md §4): w (lw, iw), a (abc), c (acc).</summary>
public enum MxmRole
{
    /// <summary>Weights: lw, iw.</summary>
    W,

    /// <summary>Activations: abc.</summary>
    A,

    /// <summary>Accumulators out: acc.</summary>
    C,
}
