using Lpu.Architecture.Isa;
using Lpu.Model.Numerics;

namespace Lpu.Model.Icu;

/// <summary>
/// A queue entry decoded once at load time into plain fields, so issuing and executing never
/// touch the instruction table. <c>Imm</c>: address, count n, row, map slot, amount, mask or
/// scale; <c>Imm2</c>: repeat d, requant shift, abc mode; <c>Imm3</c>: repeat step. Plain
/// values only (the assembly text is in <see cref="QueueState.Texts"/>).
/// </summary>
internal struct DecodedOp
{
    public OpKind Kind;
    public ulong Word;
    public int Entry;
    public Direction DstDir;
    public int Dst;
    public Direction ADir;
    public int A;
    public Direction BDir;
    public int B;
    public bool HasB;
    public long Imm;
    public long Imm2;
    public long Imm3;
    public ElementType Type;
    public ElementType To;
    public VxmOp Function;
    public int StepLsb;
    public int StepWidth;

    /// <summary>True when the instruction has a field that repeat steps (MEM address, MXM row).</summary>
    public readonly bool HasStep => StepWidth > 0;

    /// <summary>Adds <paramref name="delta"/> to the step field (Imm) and re-encodes it: the next copy of a repeat.</summary>
    public void Step(long delta)
    {
        Imm += delta;
        var mask = ((1UL << StepWidth) - 1) << StepLsb;
        Word = (Word & ~mask) | (((ulong)Imm << StepLsb) & mask);
    }
}
