using Lpu.Architecture.Isa;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Mem;

/// <summary>The MEM instructions' opcodes and operand fields, taken from the instruction table.</summary>
internal static class MemIsa
{
    /// <summary>Opcode bits [63:56] of every instruction word (docs/isa.md, "Encodings").</summary>
    public const int OpcodeLsb = 56;

    public static InstructionSpec Read { get; } = Spec("read");

    public static InstructionSpec Write { get; } = Spec("write");

    public static InstructionSpec Gather { get; } = Spec("gather");

    public static InstructionSpec Scatter { get; } = Spec("scatter");

    /// <summary>The opcode byte of <paramref name="word"/>.</summary>
    public static Expr Opcode(Expr word) => word[OpcodeLsb + 7, OpcodeLsb];

    /// <summary>Field <paramref name="name"/> of <paramref name="spec"/>, sliced out of <paramref name="word"/>.</summary>
    public static Expr Field(Expr word, InstructionSpec spec, string name)
    {
        var index = spec.FieldIndex(name);
        if (index < 0)
        {
            throw new InvalidOperationException($"instruction '{spec.Mnemonic}' has no field '{name}'");
        }

        var field = spec.Fields[index];
        return word[field.Msb, field.Lsb];
    }

    private static InstructionSpec Spec(string mnemonic) =>
        InstructionSet.ByMnemonic(mnemonic) ?? throw new InvalidOperationException($"no instruction '{mnemonic}' in the table");
}
