using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Isa;

/// <summary>
/// One row of the instruction table: mnemonic, 8-bit opcode (word bits [63:56]), the unit (and
/// SXM kind / MXM queue) whose queue may hold it, the operand fields, the latency (null: no
/// stream result), the field <c>repeat</c> steps, and a one-line semantics.
/// </summary>
public sealed class InstructionSpec
{
    internal InstructionSpec(string mnemonic, byte opcode, UnitKind unit, IReadOnlyList<OperandField> fields,
        LatencyRule? latency, string? stepField, string semantics, SxmKind? sxm = null, MxmRole? mxm = null, VxmOp? vxmOp = null)
    {
        Mnemonic = mnemonic;
        Opcode = opcode;
        Unit = unit;
        Fields = fields;
        Latency = latency;
        StepField = stepField;
        Semantics = semantics;
        Sxm = sxm;
        Mxm = mxm;
        VxmOp = vxmOp;
    }

    /// <summary>Base mnemonic, e.g. <c>read</c>, <c>add</c>, <c>shift.up</c> (type suffixes come from Type fields).</summary>
    public string Mnemonic { get; }

    /// <summary>Opcode in bits [63:56].</summary>
    public byte Opcode { get; }

    /// <summary>The unit kind whose queues accept it (<see cref="UnitKind.Icu"/>: every queue).</summary>
    public UnitKind Unit { get; }

    /// <summary>For SXM instructions, the unit kind that executes it.</summary>
    public SxmKind? Sxm { get; }

    /// <summary>For MXM instructions, the plane queue that executes it.</summary>
    public MxmRole? Mxm { get; }

    /// <summary>For VXM instructions, the operation.</summary>
    public VxmOp? VxmOp { get; }

    /// <summary>Operand fields in assembly order (Type fields are mnemonic suffixes).</summary>
    public IReadOnlyList<OperandField> Fields { get; }

    /// <summary>Latency d, or null when the instruction produces no stream result.</summary>
    public LatencyRule? Latency { get; }

    /// <summary>The field <c>repeat</c>'s step is added to, or null (step must then be 0).</summary>
    public string? StepField { get; }

    /// <summary>One-line semantics.</summary>
    public string Semantics { get; }

    /// <summary>Index of the field called <paramref name="name"/>, or -1.</summary>
    public int FieldIndex(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == name)
                return i;
        }

        return -1;
    }

    /// <summary>The assembly syntax, e.g. <c>add.T dst, a, b</c>.</summary>
    public string Syntax
    {
        get
        {
            var name = Mnemonic + string.Concat(Fields.Where(f => f.Kind == OperandKind.Type).Select(f => "." + f.Name));
            var required = Fields.Where(f => f.Kind != OperandKind.Type && f.Default is null).Select(f => f.Name).ToList();
            var optional = string.Concat(Fields.Where(f => f.Default is not null).Select(f => $"[, {f.Name}]"));
            return required.Count == 0 ? name : $"{name} {string.Join(", ", required)}{optional}";
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Mnemonic;
}
