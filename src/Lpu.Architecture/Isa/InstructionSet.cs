using Lpu.Architecture.Configuration;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Isa;

/// <summary>
/// The instruction table (Spike style): the single source of encoder, decoder, disassembler and
/// docs/isa.md. Words are 64 bits, opcode in [63:56]; operand fields are packed from bit 55
/// downward in table order; unused bits are 0.
/// </summary>
public static class InstructionSet
{
    private static readonly LatencyRule Two = new(2, false);
    private static readonly LatencyRule SlPlusTwo = new(2, true);

    /// <summary>Every instruction, in opcode order.</summary>
    public static IReadOnlyList<InstructionSpec> All { get; } = Build();

    /// <summary>The instruction with <paramref name="opcode"/>, or null.</summary>
    public static InstructionSpec? ByOpcode(int opcode) => All.FirstOrDefault(s => s.Opcode == opcode);

    /// <summary>The instruction with base mnemonic <paramref name="mnemonic"/>, or null.</summary>
    public static InstructionSpec? ByMnemonic(string mnemonic) => All.FirstOrDefault(s => s.Mnemonic == mnemonic);

    /// <summary>The VXM instruction of <paramref name="op"/>.</summary>
    public static InstructionSpec ForVxm(VxmOp op) => All.First(s => s.VxmOp == op);

    /// <summary>dmax: the largest latency in the table for this configuration (architecture.md §4).</summary>
    public static int MaxLatency(LpuConfig config) => All.Where(s => s.Latency is not null).Max(s => s.Latency!.Of(config));

    /// <summary>Decodes a word; a <see cref="FormatException"/> names an unknown opcode or invalid field.</summary>
    public static Instruction Decode(ulong word) => Instruction.Decode(word);

    private static List<InstructionSpec> Build()
    {
        var list = new List<InstructionSpec>
        {
            Make("nop", 0x00, UnitKind.Icu, null, null, "issue nothing for n cycles (n >= 1)", F("n", OperandKind.Count, 32, "cycles")),
            Make("repeat", 0x01, UnitKind.Icu, null, null, "re-issue the previous instruction n times, d cycles apart, adding step to its step field",
                F("n", OperandKind.Count, 16, "repetitions (>= 1)"), F("d", OperandKind.Count, 16, "distance in cycles (>= 1)"),
                F("step", OperandKind.Signed, 16, "added to the step field each time; optional, default 0") with { Default = 0 }),
            Make("sync", 0x02, UnitKind.Icu, null, null, "wait for the next notify; issue 2 cycles after it"),
            Make("notify", 0x03, UnitKind.Icu, null, null, "release every queue waiting in sync"),
            Make("config", 0x04, UnitKind.Icu, null, null, "power superlane k down from t + k + 1 when mask bit k is 0",
                F("mask", OperandKind.Mask, 48, "bit k: superlane k powered")),
            Make("read", 0x10, UnitKind.Mem, Two, "a", "tile k reads word a; the vector goes to dst",
                F("a", OperandKind.Address, 16, "word address < W"), F("dst", OperandKind.StreamWrite, 7, "result stream")),
            Make("write", 0x11, UnitKind.Mem, null, "a", "the vector on src is written to word a",
                F("a", OperandKind.Address, 16, "word address < W"), F("src", OperandKind.StreamRead, 7, "data stream")),
            Make("gather", 0x12, UnitKind.Mem, new LatencyRule(3, false), null, "tile k reads the word addressed by lanes 0-1 of superlane k of adr (mod W)",
                F("dst", OperandKind.StreamWrite, 7, "result stream"), F("adr", OperandKind.StreamRead, 7, "address stream")),
            Make("scatter", 0x13, UnitKind.Mem, null, null, "tile k writes its part of src to the word addressed by lanes 0-1 of superlane k of adr (mod W)",
                F("src", OperandKind.StreamRead, 7, "data stream"), F("adr", OperandKind.StreamRead, 7, "address stream")),
        };
        foreach (var op in Enum.GetValues<VxmOp>())
            list.Add(Vxm(op));
        list.AddRange(
        [
            Sxm("shift.up", 0x40, SxmKind.Shift, "out[i] = in[i-n], 0 below n", F("n", OperandKind.Amount, 16, "lanes, < VL")),
            Sxm("shift.down", 0x41, SxmKind.Shift, "out[i] = in[i+n], 0 past the end", F("n", OperandKind.Amount, 16, "lanes, < VL")),
            Sxm("permute", 0x42, SxmKind.Perm, "out[i] = in[map_m[i]]", F("m", OperandKind.Map, 8, "map slot < mapTableDepth")),
            Sxm("distribute", 0x43, SxmKind.Dist, "out[kL+j] = dmap_m[j] = 255 ? 0 : in[kL+dmap_m[j]]", F("m", OperandKind.Map, 8, "map slot < mapTableDepth")),
            Sxm("rotate", 0x44, SxmKind.Rot, "out[kL+j] = in[kL+(j+r) mod L]", F("r", OperandKind.Amount, 8, "lanes, < L")),
            Sxm("transpose", 0x45, SxmKind.Trans, "out stream dst+j lane kL+i = in stream src+i lane kL+j", null),
            Make("lw", 0x60, UnitKind.Mxm, null, null, "streams src..src+n-1 become weight rows at the load row pointer", MxmRole.W,
                F("src", OperandKind.StreamRead, 7, "first weight stream", StreamSpan.Count), F("n", OperandKind.Count, 8, "rows, 1..S/2")),
            Make("iw", 0x61, UnitKind.Mxm, SlPlusTwo, null, "install the load buffer into the array; plane busy until t + SL + 2", MxmRole.W),
            Make("abc", 0x62, UnitKind.Mxm, new LatencyRule(1, true), "row", "accumulator row = (mode add ? row : 0) + x . W, x the int8 vector on src", MxmRole.A,
                F("src", OperandKind.StreamRead, 7, "activation stream"), F("row", OperandKind.Row, 16, "accumulator row"),
                F("mode", OperandKind.Mode, 1, "set or add")),
            Make("acc", 0x63, UnitKind.Mxm, Two, "row", "accumulator row goes to dst..dst+3 as i32", MxmRole.C,
                F("row", OperandKind.Row, 16, "accumulator row"), F("dst", OperandKind.StreamWrite, 7, "first result stream", StreamSpan.Four)),
        ]);
        return list;
    }

    private static InstructionSpec Vxm(VxmOp op)
    {
        var opcode = (byte)(0x20 + (int)op);
        var type = F("type", OperandKind.Type, 3, "element type");
        var dst = F("dst", OperandKind.StreamWrite, 7, "result stream", StreamSpan.Type);
        var a = F("a", OperandKind.StreamRead, 7, "operand stream", StreamSpan.Type);
        var b = F("b", OperandKind.StreamRead, 7, "operand stream", StreamSpan.Type);
        var name = VxmOps.Name(op);
        return op switch
        {
            VxmOp.Add or VxmOp.Sub or VxmOp.Mul or VxmOp.Min or VxmOp.Max or VxmOp.And or VxmOp.Or or VxmOp.Xor =>
                Make(name, opcode, UnitKind.Vxm, Two, null, VxmSemantics(op), op, type, dst, a, b),
            VxmOp.Cvt => Make(name, opcode, UnitKind.Vxm, Two, null, "dst (type to) = a (type from) converted", op,
                F("from", OperandKind.Type, 3, "source type"), F("to", OperandKind.Type, 3, "result type"),
                F("dst", OperandKind.StreamWrite, 7, "result stream", StreamSpan.ToType), F("a", OperandKind.StreamRead, 7, "operand stream", StreamSpan.FromType)),
            VxmOp.Requant => Make(name, opcode, UnitKind.Vxm, Two, null, "dst (i8) = clamp(round(a (i32) x scale / 2^shift))", op,
                F("dst", OperandKind.StreamWrite, 7, "result stream (i8)"), F("a", OperandKind.StreamRead, 7, "operand stream (i32)", StreamSpan.Four),
                F("scale", OperandKind.Signed, 16, "signed multiplier"), F("shift", OperandKind.Amount, 6, "right shift, 0..63")),
            _ => Make(name, opcode, UnitKind.Vxm, Two, null, VxmSemantics(op), op, type, dst, a),
        };
    }

    private static string VxmSemantics(VxmOp op) => op switch
    {
        VxmOp.Add => "dst = a + b per lane (integers saturate)",
        VxmOp.Sub => "dst = a - b per lane (integers saturate)",
        VxmOp.Mul => "dst = a x b per lane (integers saturate)",
        VxmOp.Min => "dst = min(a, b) per lane",
        VxmOp.Max => "dst = max(a, b) per lane",
        VxmOp.And => "dst = a AND b, bitwise",
        VxmOp.Or => "dst = a OR b, bitwise",
        VxmOp.Xor => "dst = a XOR b, bitwise",
        VxmOp.Mov => "dst = a",
        VxmOp.Neg => "dst = -a (integers saturate; floats flip the sign bit)",
        VxmOp.Abs => "dst = abs(a) (integers saturate; floats clear the sign bit)",
        VxmOp.Relu => "dst = max(a, 0) (floats: +0 for negatives and -0)",
        VxmOp.Not => "dst = NOT a, bitwise",
        VxmOp.Tanh => "dst = clamp(round(tanh(a/16) x 128), -128, 127)",
        VxmOp.Exp => "dst = clamp(round(exp(a/16) x 32), 0, 127)",
        _ => "dst = a <= 0 ? 127 : clamp(round(16 / sqrt(a/16)), 0, 127)",
    };

    private static InstructionSpec Sxm(string mnemonic, byte opcode, SxmKind kind, string semantics, FieldDef? first)
    {
        var span = kind == SxmKind.Trans ? StreamSpan.Lanes : StreamSpan.One;
        var fields = new List<FieldDef>();
        if (first is not null)
            fields.Add(first);
        fields.Add(F("dst", OperandKind.StreamWrite, 7, "result stream", span));
        fields.Add(F("src", OperandKind.StreamRead, 7, "operand stream", span));
        return Create(mnemonic, opcode, UnitKind.Sxm, SlPlusTwo, null, semantics, fields, sxm: kind);
    }

    private static InstructionSpec Make(string m, byte op, UnitKind unit, LatencyRule? lat, string? step, string sem, params FieldDef[] fields) =>
        Create(m, op, unit, lat, step, sem, fields);

    private static InstructionSpec Make(string m, byte op, UnitKind unit, LatencyRule? lat, string? step, string sem, MxmRole q, params FieldDef[] fields) =>
        Create(m, op, unit, lat, step, sem, fields, mxm: q);

    private static InstructionSpec Make(string m, byte op, UnitKind unit, LatencyRule? lat, string? step, string sem, VxmOp v, params FieldDef[] fields) =>
        Create(m, op, unit, lat, step, sem, fields, vxmOp: v);

    private static InstructionSpec Create(string m, byte op, UnitKind unit, LatencyRule? lat, string? step, string sem,
        IReadOnlyList<FieldDef> defs, SxmKind? sxm = null, MxmRole? mxm = null, VxmOp? vxmOp = null)
    {
        // Pack from bit 55 downward so every word reads opcode-first, operands left to right.
        var next = 56;
        var fields = new List<OperandField>();
        foreach (var d in defs)
        {
            next -= d.Width;
            fields.Add(new OperandField(d.Name, d.Kind, next, d.Width, d.Span, d.Doc, d.Default));
        }

        if (next < 0)
            throw new InvalidOperationException($"instruction {m}: operand fields exceed 56 bits");
        return new InstructionSpec(m, op, unit, fields, lat, step, sem, sxm, mxm, vxmOp);
    }

    private static FieldDef F(string name, OperandKind kind, int width, string doc, StreamSpan span = StreamSpan.One) =>
        new(name, kind, width, span, doc);

    private sealed record FieldDef(string Name, OperandKind Kind, int Width, StreamSpan Span, string Doc)
    {
        public long? Default { get; init; }
    }
}
