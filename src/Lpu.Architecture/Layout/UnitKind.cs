namespace Lpu.Architecture.Layout;

/// <summary>Kinds of functional unit; <see cref="Icu"/> marks instructions valid in every queue.</summary>
public enum UnitKind
{
    /// <summary>Instruction control: nop, repeat, sync, notify, config (any queue).</summary>
    Icu,

    /// <summary>A MEM slice.</summary>
    Mem,

    /// <summary>A VXM ALU column.</summary>
    Vxm,

    /// <summary>An SXM unit.</summary>
    Sxm,

    /// <summary>An MXM plane queue.</summary>
    Mxm,
}
