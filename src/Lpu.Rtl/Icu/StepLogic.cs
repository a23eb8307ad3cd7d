using Lpu.Architecture.Isa;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Icu;

/// <summary>Adds a repeat's step to the step field of a word, wherever the instruction table puts it.</summary>
internal static class StepLogic
{
    /// <summary>The word with <paramref name="step"/> (signed, two's complement) added to its opcode's
    /// step field, modulo the field width; words without a step field pass unchanged. Opcodes whose step
    /// fields sit at the same bits share one adder.</summary>
    public static Expr Apply(Expr word, Expr step)
    {
        Expr result = word;
        var stepped = new Dictionary<(int Msb, int Lsb), Expr>();
        foreach (var spec in InstructionSet.All.Where(s => s.StepField is not null))
        {
            var f = spec.Fields[spec.FieldIndex(spec.StepField!)];
            if (!stepped.TryGetValue((f.Msb, f.Lsb), out var whole))
            {
                var s = f.Width == step.Width ? step
                    : f.Width > step.Width ? step.SignExtend(f.Width).AsUnsigned() : step.Truncate(f.Width);
                var sum = (word[f.Msb, f.Lsb] + s).Truncate(f.Width);
                var parts = new List<Expr>();
                if (f.Msb < 63)
                    parts.Add(word[63, f.Msb + 1]);
                parts.Add(sum);
                if (f.Lsb > 0)
                    parts.Add(word[f.Lsb - 1, 0]);
                whole = Hw.Concat([.. parts]);
                stepped.Add((f.Msb, f.Lsb), whole);
            }

            result = Hw.Mux(word[63, 56].Eq(spec.Opcode), whole, result);
        }
        return result;
    }
}
