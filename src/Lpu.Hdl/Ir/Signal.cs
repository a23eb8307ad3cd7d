using System.Numerics;

namespace Lpu.Hdl.Ir;

/// <summary>
/// A named value of a module: port, wire, register, instance output or memory read data. Created only by
/// <see cref="Module"/> methods; usable as an <see cref="Expr"/> inside that module.
/// </summary>
public sealed class Signal : Expr
{
    internal Signal(Module owner, string name, SignalKind kind, int width, bool signed, SourceLocation at)
        : base(width, signed)
    {
        Owner = owner;
        Name = name;
        Kind = kind;
        Source = at;
    }

    /// <summary>The module this signal belongs to.</summary>
    public Module Owner { get; }

    /// <summary>The requested name (the emitter legalizes it, e.g. adds <c>_q</c> to registers).</summary>
    public string Name { get; }

    public SignalKind Kind { get; }

    /// <summary>For registers: clock and reset.</summary>
    public ClockDomain? Domain { get; internal init; }

    /// <summary>For registers: the value loaded by reset. For wires and outputs: the value when no
    /// assignment applies (so no latch is ever inferred). As a bit pattern.</summary>
    public BigInteger InitialBits { get; internal init; }

    /// <summary>For registers: loads only when this 1-bit signal is high (reset still applies).</summary>
    public Expr? Enable { get; internal init; }

    /// <summary>For instance outputs: the instance and its port.</summary>
    public Instance? Instance { get; internal init; }

    /// <summary>For memory read data: the port.</summary>
    public MemoryReadPort? ReadPort { get; internal set; }

    public override IReadOnlyList<Expr> Operands => [];

    /// <summary>The requested name.</summary>
    public override string ToString() => Name;
}
