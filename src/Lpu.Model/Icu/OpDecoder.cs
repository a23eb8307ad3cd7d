using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Model.Numerics;

namespace Lpu.Model.Icu;

/// <summary>
/// Decodes and checks one queue entry against the configuration and the queue it sits in. The
/// model does not trust a program built without the assembler's static checks: every operand that
/// would index outside the machine is an <see cref="ArgumentException"/> naming queue and entry.
/// </summary>
internal static class OpDecoder
{
    public static DecodedOp Decode(Instruction instruction, QueueInfo queue, int entry, LpuConfig config, Func<bool, int, bool> mapLoaded)
    {
        var spec = instruction.Spec;
        var op = new DecodedOp { Word = instruction.Encode(), Entry = entry };
        string? error = null;
        void Fail(string message) => error ??= message;

        if (spec.Unit != UnitKind.Icu && spec.Unit != queue.Kind)
            Fail($"a {spec.Unit.ToString().ToUpperInvariant()} instruction cannot run on a {queue.Kind.ToString().ToUpperInvariant()} queue");
        else if (spec.Sxm is { } sxm && sxm != queue.Sxm)
            Fail($"{spec.Mnemonic} needs a {sxm.ToString().ToLowerInvariant()} unit");
        else if (spec.Mxm is { } role && role != queue.Mxm)
            Fail($"{spec.Mnemonic} belongs in queue mxm.{queue.UnitIndex}.{role.ToString().ToLowerInvariant()}");

        if (spec.StepField is { } stepField)
        {
            var field = spec.Fields[spec.FieldIndex(stepField)];
            op.StepLsb = field.Lsb;
            op.StepWidth = field.Width;
        }

        var s = config.StreamsPerDirection;
        var vl = config.VectorLength;
        var l = config.LanesPerSuperlane;
        void Stream(string name, int span, out Direction dir, out int index)
        {
            var r = instruction.Stream(name);
            dir = r.Direction;
            index = r.Index;
            if (r.Index + span > s)
                Fail($"stream {r}{(span > 1 ? $"..{r.Offset(span - 1)}" : "")} out of range: {s} streams per direction");
        }

        switch (spec.Mnemonic)
        {
            case "nop":
                op.Kind = OpKind.Nop;
                op.Imm = instruction["n"];
                if (op.Imm < 1)
                    Fail("nop needs n >= 1");
                break;
            case "repeat":
                op.Kind = OpKind.Repeat;
                op.Imm = instruction["n"];
                op.Imm2 = instruction["d"];
                op.Imm3 = instruction["step"];
                if (op.Imm < 1 || op.Imm2 < 1)
                    Fail("repeat needs n >= 1 and d >= 1");
                break;
            case "sync":
                op.Kind = OpKind.Sync;
                break;
            case "notify":
                op.Kind = OpKind.Notify;
                break;
            case "config":
                op.Kind = OpKind.Config;
                op.Imm = instruction["mask"];
                break;
            case "read":
            case "write":
                op.Kind = spec.Mnemonic == "read" ? OpKind.Read : OpKind.Write;
                op.Imm = instruction["a"];
                if (op.Imm >= config.Mem.WordsPerTile)
                    Fail($"address {op.Imm} out of range [0, {config.Mem.WordsPerTile})");
                if (op.Kind == OpKind.Read)
                    Stream("dst", 1, out op.DstDir, out op.Dst);
                else
                    Stream("src", 1, out op.ADir, out op.A);
                break;
            case "gather":
                op.Kind = OpKind.Gather;
                Stream("dst", 1, out op.DstDir, out op.Dst);
                Stream("adr", 1, out op.BDir, out op.B);
                if (l < 2)
                    Fail("gather needs at least 2 lanes per superlane for its address");
                break;
            case "scatter":
                op.Kind = OpKind.Scatter;
                Stream("src", 1, out op.ADir, out op.A);
                Stream("adr", 1, out op.BDir, out op.B);
                if (l < 2)
                    Fail("scatter needs at least 2 lanes per superlane for its address");
                break;
            case "cvt":
                op.Kind = OpKind.Cvt;
                op.Type = ToElement(instruction.Type("from"));
                op.To = ToElement(instruction.Type("to"));
                if (!VxmOps.IsConversion(instruction.Type("from"), instruction.Type("to")))
                    Fail($"no conversion from {VxmElement.Name(op.Type)} to {VxmElement.Name(op.To)}");
                CheckVxm(config, VxmOp.Cvt, instruction.Type("from"), Fail);
                CheckVxm(config, VxmOp.Cvt, instruction.Type("to"), Fail);
                Stream("dst", op.To.Width(), out op.DstDir, out op.Dst);
                Stream("a", op.Type.Width(), out op.ADir, out op.A);
                break;
            case "requant":
                op.Kind = OpKind.Requant;
                op.Imm = instruction["scale"];
                op.Imm2 = instruction["shift"];
                CheckVxm(config, VxmOp.Requant, DataType.I32, Fail);
                CheckVxm(config, VxmOp.Requant, DataType.I8, Fail);
                Stream("dst", 1, out op.DstDir, out op.Dst);
                Stream("a", 4, out op.ADir, out op.A);
                if (op.Imm2 > 63)
                    Fail($"requant shift {op.Imm2} out of range [0, 63]");
                break;
            case "shift.up":
            case "shift.down":
                op.Kind = spec.Mnemonic == "shift.up" ? OpKind.ShiftUp : OpKind.ShiftDown;
                op.Imm = instruction["n"];
                if (op.Imm >= vl)
                    Fail($"shift amount {op.Imm} out of range [0, {vl})");
                SxmStreams(1);
                break;
            case "permute":
            case "distribute":
                op.Kind = spec.Mnemonic == "permute" ? OpKind.Permute : OpKind.Distribute;
                op.Imm = instruction["m"];
                if (!mapLoaded(op.Kind == OpKind.Permute, (int)op.Imm))
                    Fail($"map {op.Imm} is not loaded in {queue.Name}");
                SxmStreams(1);
                break;
            case "rotate":
                op.Kind = OpKind.Rotate;
                op.Imm = instruction["r"];
                if (op.Imm >= l)
                    Fail($"rotate amount {op.Imm} out of range [0, {l})");
                SxmStreams(1);
                break;
            case "transpose":
                op.Kind = OpKind.Transpose;
                SxmStreams(l);
                break;
            case "lw":
                op.Kind = OpKind.Lw;
                op.Imm = instruction["n"];
                if (op.Imm < 1 || op.Imm > s / 2)
                    Fail($"lw row count {op.Imm} out of range [1, {s / 2}]");
                Stream("src", (int)Math.Max(1, op.Imm), out op.ADir, out op.A);
                break;
            case "iw":
                op.Kind = OpKind.Iw;
                break;
            case "abc":
                op.Kind = OpKind.Abc;
                op.Imm = instruction["row"];
                op.Imm2 = instruction["mode"];
                CheckRow(config, op.Imm, Fail);
                Stream("src", 1, out op.ADir, out op.A);
                break;
            case "acc":
                op.Kind = OpKind.Acc;
                op.Imm = instruction["row"];
                CheckRow(config, op.Imm, Fail);
                Stream("dst", 4, out op.DstDir, out op.Dst);
                break;
            default:
                if (spec.VxmOp is not { } vxmOp)
                {
                    Fail($"the model does not know instruction '{spec.Mnemonic}'");
                    break;
                }

                op.Kind = OpKind.Vxm;
                op.Function = vxmOp;
                var type = instruction.Type("type");
                op.Type = ToElement(type);
                if (!VxmOps.Types(vxmOp).Contains(type))
                    Fail($"{spec.Mnemonic} is not defined for {DataTypes.Name(type)}");
                CheckVxm(config, vxmOp, type, Fail);
                var width = op.Type.Width();
                Stream("dst", width, out op.DstDir, out op.Dst);
                Stream("a", width, out op.ADir, out op.A);
                op.HasB = spec.FieldIndex("b") >= 0;
                if (op.HasB)
                    Stream("b", width, out op.BDir, out op.B);
                break;
        }

        if (error is not null)
            throw new ArgumentException($"queue {queue.Name} entry {entry} ({instruction}): {error}");
        return op;

        void SxmStreams(int span)
        {
            Stream("dst", span, out op.DstDir, out op.Dst);
            Stream("src", span, out op.ADir, out op.A);
        }
    }

    /// <summary>The model's element type for an ISA type code (same order).</summary>
    public static ElementType ToElement(DataType type) => type switch
    {
        DataType.I8 => ElementType.I8,
        DataType.I16 => ElementType.I16,
        DataType.I32 => ElementType.I32,
        DataType.F16 => ElementType.F16,
        _ => ElementType.F32,
    };

    private static void CheckRow(LpuConfig config, long row, Action<string> fail)
    {
        if (row >= config.Mxm.Accumulators)
            fail($"accumulator row {row} out of range [0, {config.Mxm.Accumulators})");
    }

    private static void CheckVxm(LpuConfig config, VxmOp op, DataType type, Action<string> fail)
    {
        if (!config.Vxm.Supports(op))
            fail($"the configuration's VXM has no {VxmOps.Name(op)}");
        if (!config.Vxm.Supports(type))
            fail($"the configuration's VXM has no {DataTypes.Name(type)}");
    }

}
