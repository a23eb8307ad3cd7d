using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm;

/// <summary>The stage register of one ALU on one superlane: the decoded instruction and its operands.</summary>
internal sealed record VxmStage(Signal Valid, Signal Opcode, Signal Type, Signal From, Signal To, Signal Scale, Signal Shift,
    Signal Dst, Signal Bytes, IReadOnlyList<Signal> A, IReadOnlyList<Signal> B);
