using System.Text;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Isa;

/// <summary>
/// Generates docs/isa.md from the instruction table (the prose on timing, numerics, assembly and
/// the image format is fixed text taken from architecture.md). A test fails if the committed file differs.
/// </summary>
public static class IsaDocument
{
    /// <summary>The complete Markdown text of docs/isa.md.</summary>
    public static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append(IsaDocumentText.Intro);
        Summary(sb);
        sb.Append(IsaDocumentText.Operands);
        Encodings(sb);
        sb.Append(IsaDocumentText.Timing);
        VxmTypes(sb);
        sb.Append(IsaDocumentText.Numerics);
        sb.Append(IsaDocumentText.Assembly);
        sb.Append(IsaDocumentText.Image);
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb)
    {
        sb.Append("## Instructions\n\n");
        sb.Append("| mnemonic | opcode | queue | syntax | latency d | repeat steps | semantics |\n");
        sb.Append("|---|---|---|---|---|---|---|\n");
        foreach (var s in InstructionSet.All)
        {
            sb.Append($"| `{s.Mnemonic}` | 0x{s.Opcode:x2} | {Queue(s)} | `{s.Syntax}` | {s.Latency?.ToString() ?? "—"} | " +
                $"{(s.StepField is null ? "—" : "`" + s.StepField + "`")} | {Escape(s.Semantics)} |\n");
        }

        sb.Append('\n');
    }

    private static void Encodings(StringBuilder sb)
    {
        sb.Append("## Encodings\n\nEvery word: opcode in bits [63:56]; the fields below; all other bits 0 (the decoder rejects words with stray bits).\n\n");
        foreach (var s in InstructionSet.All)
        {
            sb.Append($"### `{s.Mnemonic}` (0x{s.Opcode:x2})\n\n");
            if (s.Fields.Count == 0)
            {
                sb.Append("No operands.\n\n");
                continue;
            }

            sb.Append("| field | bits | kind | streams | meaning |\n|---|---|---|---|---|\n");
            foreach (var f in s.Fields)
            {
                var span = f.IsStream ? SpanText(f.Span) : "—";
                sb.Append($"| `{f.Name}` | [{f.Msb}:{f.Lsb}] | {KindText(f.Kind)} | {span} | {Escape(f.Doc)} |\n");
            }

            sb.Append('\n');
        }
    }

    private static void VxmTypes(StringBuilder sb)
    {
        sb.Append("## VXM operations and types\n\n| op | types |\n|---|---|\n");
        foreach (var op in Enum.GetValues<VxmOp>())
        {
            var types = op == VxmOp.Cvt
                ? "i8↔i16↔i32 (all pairs), i32↔f32, f16↔f32"
                : op == VxmOp.Requant ? "i32 → i8" : string.Join(" ", VxmOps.Types(op).Select(DataTypes.Name));
            sb.Append($"| `{VxmOps.Name(op)}` | {types} |\n");
        }

        sb.Append('\n');
    }

    private static string Queue(InstructionSpec s) => s.Unit switch
    {
        UnitKind.Icu => "any",
        UnitKind.Mem => "`mem.*`",
        UnitKind.Vxm => "`vxm.*`",
        UnitKind.Sxm => $"`sxm.*.{s.Sxm.ToString()!.ToLowerInvariant()}.*`",
        _ => $"`mxm.*.{s.Mxm.ToString()!.ToLowerInvariant()}`",
    };

    private static string KindText(OperandKind kind) => kind switch
    {
        OperandKind.Count => "count (unsigned)",
        OperandKind.Signed => "signed immediate",
        OperandKind.Address => "word address",
        OperandKind.StreamRead => "stream read",
        OperandKind.StreamWrite => "stream written",
        OperandKind.Type => "type code (suffix)",
        OperandKind.Map => "map slot",
        OperandKind.Row => "accumulator row",
        OperandKind.Mode => "mode: set = 0, add = 1",
        OperandKind.Mask => "superlane mask",
        _ => "amount (unsigned)",
    };

    private static string SpanText(StreamSpan span) => span switch
    {
        StreamSpan.Type => "bytes of `type`",
        StreamSpan.FromType => "bytes of `from`",
        StreamSpan.ToType => "bytes of `to`",
        StreamSpan.Four => "4",
        StreamSpan.Lanes => "L",
        StreamSpan.Count => "`n`",
        _ => "1",
    };

    private static string Escape(string text) => text.Replace("|", "\\|");
}
