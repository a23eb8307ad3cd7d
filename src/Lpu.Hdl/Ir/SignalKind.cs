namespace Lpu.Hdl.Ir;

/// <summary>What a <see cref="Signal"/> is and so what may drive it.</summary>
public enum SignalKind
{
    /// <summary>Module input port: driven by the parent.</summary>
    Input,

    /// <summary>Module output port: driven by assignments (a <c>wire</c>).</summary>
    Output,

    /// <summary>Combinational net: driven by assignments, reverts to its default value when unassigned.</summary>
    Wire,

    /// <summary>Flip-flops: assignments give the next value; holds when unassigned. Emitted with a <c>_q</c> suffix.</summary>
    Register,

    /// <summary>An output of a submodule instance.</summary>
    InstanceOutput,

    /// <summary>The registered data of a memory read port.</summary>
    MemoryReadData,
}
