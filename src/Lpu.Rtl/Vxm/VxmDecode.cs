using System.Numerics;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Hdl;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm;

/// <summary>
/// A VXM instruction word decoded into its controls, packed in one vector (field order below, the first
/// in the low bits): the opcode, the lane controls, the destination and the two operand streams each with
/// the number of streams it spans (1, 2 or 4; 0 for an operand the instruction does not have). Fields an
/// instruction does not have are 0.
/// </summary>
internal static class VxmDecode
{
    /// <summary>(name, width) of each field, low bits first.</summary>
    private static readonly (string Name, int Width)[] Layout =
    [
        ("opcode", 8), ("type", 3), ("from", 3), ("to", 3), ("scale", 16), ("shift", 6),
        ("dst", 7), ("bytes_dst", 3), ("a", 7), ("bytes_a", 3), ("b", 7), ("bytes_b", 3),
    ];

    /// <summary>Width of the packed vector.</summary>
    public static int Width { get; } = Layout.Sum(f => f.Width);

    /// <summary>The field <paramref name="name"/> of the packed vector <paramref name="packed"/>.</summary>
    public static Expr Field(Signal packed, string name)
    {
        var lsb = 0;
        foreach (var (field, width) in Layout)
        {
            if (field == name)
                return packed[lsb + width - 1, lsb];
            lsb += width;
        }

        throw new ArgumentException($"no decoded VXM field '{name}'", nameof(name));
    }

    /// <summary>
    /// The wire <paramref name="name"/>: the instruction word at bits <paramref name="lsb"/> + 63 .. <paramref name="lsb"/>
    /// of <paramref name="words"/> decoded while <paramref name="valid"/>, else 0, in one guarded <c>always @*</c>
    /// with one case arm per field layout (so a simulator decodes only an issued instruction, and decodes it once
    /// rather than once per field). The word is sliced straight from the port so no temporary copies it.
    /// </summary>
    public static Signal Create(Module m, string name, Signal words, int lsb, Expr valid)
    {
        Expr Bits(int msb, int low) => words[lsb + msb, lsb + low];

        var decoded = m.Wire(name, Width);
        var specs = InstructionSet.All.Where(s => s.Unit == UnitKind.Vxm);
        m.When(valid, () =>
        {
            var opcodes = m.Switch(Bits(63, 56));
            foreach (var group in specs.GroupBy(LayoutKey))
            {
                var spec = group.First();
                opcodes.Case([.. group.Select(s => (BigInteger)s.Opcode)],
                    () => m.Assign(decoded, Pack(spec, Bits)));
            }

            opcodes.Default(() => { });
        });
        return decoded;
    }

    /// <summary>Instructions with equal keys decode identically apart from the opcode.</summary>
    private static string LayoutKey(InstructionSpec spec) =>
        string.Join(";", spec.Fields.Select(f => $"{f.Name}:{f.Lsb}:{f.Width}:{f.Span}"));

    /// <summary>The decoded vector of <paramref name="spec"/>, from the word's bits <paramref name="bits"/>(msb, lsb).</summary>
    private static Expr Pack(InstructionSpec spec, Func<int, int, Expr> bits)
    {
        Expr Raw(string name)
        {
            var i = spec.FieldIndex(name);
            if (i < 0)
                throw new InvalidOperationException($"VXM instruction '{spec.Mnemonic}' has no field '{name}'");
            return bits(spec.Fields[i].Msb, spec.Fields[i].Lsb);
        }

        // A fresh expression per operand: one shared by several would be emitted as a continuous
        // assignment outside the guarded block, evaluated every cycle.
        Expr Bytes(string name)
        {
            var i = spec.FieldIndex(name);
            return i < 0 ? Hw.Const(0, 3) : SpanBytes(spec.Fields[i].Span);
        }

        Expr SpanBytes(StreamSpan span) => span switch
        {
            StreamSpan.Type => TypeBytes(Raw("type")),
            StreamSpan.FromType => TypeBytes(Raw("from")),
            StreamSpan.ToType => TypeBytes(Raw("to")),
            StreamSpan.Four => Hw.Const(4, 3),
            _ => Hw.Const(1, 3),
        };

        var parts = new List<Expr>();
        foreach (var (field, width) in Layout)
        {
            parts.Add(field switch
            {
                "opcode" => bits(63, 56),
                "bytes_dst" => Bytes("dst"),
                "bytes_a" => Bytes("a"),
                "bytes_b" => Bytes("b"),
                _ => spec.FieldIndex(field) >= 0 ? Raw(field) : Hw.Const(0, width),
            });
        }

        return VxmGenerator.Pack(parts);
    }

    /// <summary>Bytes of the type coded in <paramref name="type"/>; 0 for a code that is no type.</summary>
    private static Expr TypeBytes(Expr type)
    {
        Expr result = Hw.Const(0, 3);
        foreach (var t in DataTypes.All)
            result = Hw.Mux(type.Eq((int)t), Hw.Const(DataTypes.Bytes(t), 3), result);
        return result;
    }
}
