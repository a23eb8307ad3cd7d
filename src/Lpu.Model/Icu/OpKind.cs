namespace Lpu.Model.Icu;

/// <summary>What a decoded queue entry does; one case per instruction of the table.</summary>
internal enum OpKind
{
    Nop,
    Repeat,
    Sync,
    Notify,
    Config,
    Read,
    Write,
    Gather,
    Scatter,
    Vxm,
    Cvt,
    Requant,
    ShiftUp,
    ShiftDown,
    Permute,
    Distribute,
    Rotate,
    Transpose,
    Lw,
    Iw,
    Abc,
    Acc,
}
