using System.Text;

namespace Lpu.Architecture.Isa;

/// <summary>
/// An instruction: a table row plus one value per operand field (streams as 7-bit codes, types as
/// type codes, mode 0 = set / 1 = add). Values are checked against the field widths; checks
/// against a configuration are the assembler's. Equal when the encodings are equal.
/// </summary>
public sealed class Instruction : IEquatable<Instruction>
{
    private readonly long[] operands;

    /// <summary>Creates an instruction; an <see cref="ArgumentException"/> names a missing or unencodable operand.</summary>
    public Instruction(InstructionSpec spec, IReadOnlyList<long> operands)
    {
        Spec = spec;
        if (operands.Count != spec.Fields.Count)
            throw new ArgumentException($"{spec.Mnemonic}: expects {spec.Fields.Count} operands, got {operands.Count}", nameof(operands));
        this.operands = [.. operands];
        for (var i = 0; i < this.operands.Length; i++)
        {
            var f = spec.Fields[i];
            var v = this.operands[i];
            if (v < f.Min || v > f.Max)
                throw new ArgumentException($"{spec.Mnemonic}: operand {f.Name} must be in [{f.Min}, {f.Max}], got {v}", nameof(operands));
            if (f.Kind == OperandKind.Type && !Enum.IsDefined((DataType)v))
                throw new ArgumentException($"{spec.Mnemonic}: operand {f.Name} is not a type code: {v}", nameof(operands));
        }
    }

    /// <summary>Creates an instruction by base mnemonic; operands may be long, int, <see cref="StreamRef"/>, <see cref="DataType"/> or bool (mode add).</summary>
    public static Instruction Create(string mnemonic, params object[] operands)
    {
        var spec = InstructionSet.ByMnemonic(mnemonic) ?? throw new ArgumentException($"unknown mnemonic '{mnemonic}'", nameof(mnemonic));
        return new Instruction(spec, [.. operands.Select(ToValue)]);
    }

    /// <summary>The table row.</summary>
    public InstructionSpec Spec { get; }

    /// <summary>Operand values in field order.</summary>
    public IReadOnlyList<long> Operands => operands;

    /// <summary>The value of the field called <paramref name="name"/>.</summary>
    public long this[string name]
    {
        get
        {
            var i = Spec.FieldIndex(name);
            return i >= 0 ? operands[i] : throw new ArgumentException($"{Spec.Mnemonic} has no operand '{name}'", nameof(name));
        }
    }

    /// <summary>The stream operand called <paramref name="name"/>.</summary>
    public StreamRef Stream(string name) => StreamRef.FromCode(this[name]);

    /// <summary>The type operand called <paramref name="name"/>.</summary>
    public DataType Type(string name) => (DataType)this[name];

    /// <summary>A copy with field <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public Instruction With(string name, long value)
    {
        var copy = (long[])operands.Clone();
        var i = Spec.FieldIndex(name);
        if (i < 0)
            throw new ArgumentException($"{Spec.Mnemonic} has no operand '{name}'", nameof(name));
        copy[i] = value;
        return new Instruction(Spec, copy);
    }

    /// <summary>Number of consecutive streams the stream field <paramref name="field"/> spans (L = lanes per superlane).</summary>
    public int StreamSpanOf(OperandField field, int lanesPerSuperlane) => field.Span switch
    {
        StreamSpan.Type => DataTypes.Bytes(Type("type")),
        StreamSpan.FromType => DataTypes.Bytes(Type("from")),
        StreamSpan.ToType => DataTypes.Bytes(Type("to")),
        StreamSpan.Four => 4,
        StreamSpan.Lanes => lanesPerSuperlane,
        StreamSpan.Count => (int)this["n"],
        _ => 1,
    };

    /// <summary>The 64-bit word: opcode in [63:56], fields where the table puts them.</summary>
    public ulong Encode()
    {
        var word = (ulong)Spec.Opcode << 56;
        for (var i = 0; i < operands.Length; i++)
        {
            var f = Spec.Fields[i];
            var mask = (1UL << f.Width) - 1;
            word |= ((ulong)operands[i] & mask) << f.Lsb;
        }

        return word;
    }

    /// <summary>Decodes a word; a <see cref="FormatException"/> names an unknown opcode, a bad type code or non-zero unused bits.</summary>
    public static Instruction Decode(ulong word)
    {
        var opcode = (int)(word >> 56);
        var spec = InstructionSet.ByOpcode(opcode) ?? throw new FormatException($"unknown opcode 0x{opcode:x2} in word 0x{word:x16}");
        var values = new long[spec.Fields.Count];
        var used = 0xFFUL << 56;
        for (var i = 0; i < values.Length; i++)
        {
            var f = spec.Fields[i];
            var mask = (1UL << f.Width) - 1;
            used |= mask << f.Lsb;
            var raw = (word >> f.Lsb) & mask;
            values[i] = f.Kind == OperandKind.Signed ? (long)(raw << (64 - f.Width)) >> (64 - f.Width) : (long)raw;
            if (f.Kind == OperandKind.Type && !Enum.IsDefined((DataType)values[i]))
                throw new FormatException($"{spec.Mnemonic}: bad type code {values[i]} in word 0x{word:x16}");
        }

        if ((word & ~used) != 0)
            throw new FormatException($"{spec.Mnemonic}: unused bits set in word 0x{word:x16}");
        return new Instruction(spec, values);
    }

    /// <summary>The assembly text, e.g. <c>add.i32 e4, e0, w8</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Spec.Mnemonic);
        for (var i = 0; i < operands.Length; i++)
        {
            if (Spec.Fields[i].Kind == OperandKind.Type)
                sb.Append('.').Append(DataTypes.Name((DataType)operands[i]));
        }

        var first = true;
        for (var i = 0; i < operands.Length; i++)
        {
            var f = Spec.Fields[i];
            if (f.Kind == OperandKind.Type)
                continue;
            sb.Append(first ? " " : ", ");
            first = false;
            sb.Append(FormatOperand(f, operands[i]));
        }

        return sb.ToString();
    }

    /// <summary>Assembly text of one operand value.</summary>
    public static string FormatOperand(OperandField field, long value) => field.Kind switch
    {
        OperandKind.StreamRead or OperandKind.StreamWrite => StreamRef.FromCode(value).ToString(),
        OperandKind.Mode => value == 0 ? "set" : "add",
        OperandKind.Mask => $"0x{value:x}",
        OperandKind.Type => DataTypes.Name((DataType)value),
        _ => value.ToString(),
    };

    /// <inheritdoc/>
    public bool Equals(Instruction? other) => other is not null && Encode() == other.Encode();

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Instruction);

    /// <inheritdoc/>
    public override int GetHashCode() => Encode().GetHashCode();

    private static long ToValue(object o) => o switch
    {
        StreamRef s => s.Code,
        DataType t => (long)t,
        bool b => b ? 1 : 0,
        int i => i,
        long l => l,
        uint u => u,
        ulong u => (long)u,
        _ => throw new ArgumentException($"unsupported operand value {o}", nameof(o)),
    };
}
