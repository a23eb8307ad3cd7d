using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Programs;

/// <summary>Per-instruction checks against the configuration and the queue (architecture.md §9, operand part).</summary>
internal static class OperandRules
{
    public static void Check(LpuProgram program, int q, int index, Instruction ins, List<ProgramError> errors)
    {
        var c = program.Config;
        var queue = program.Floorplan.Queues[q];
        void Error(int operand, string message) => errors.Add(new ProgramError(q, index, operand, message));

        var unitError = UnitError(ins.Spec, queue);
        if (unitError is not null)
            Error(-1, unitError);
        if (ins.Spec.VxmOp is { } op)
            CheckVxm(c, ins, op, Error);

        for (var i = 0; i < ins.Spec.Fields.Count; i++)
        {
            var f = ins.Spec.Fields[i];
            var v = ins.Operands[i];
            var message = f.Kind switch
            {
                OperandKind.Address => Below("address", v, c.Mem.WordsPerTile),
                OperandKind.Row => Below("accumulator row", v, c.Mxm.Accumulators),
                OperandKind.Map => Below("map", v, c.Sxm.MapTableDepth) ?? MapLoaded(program, queue, v),
                OperandKind.StreamRead or OperandKind.StreamWrite => StreamError(c, ins, f, v),
                OperandKind.Mask => c.Superlanes < 64 && v >> c.Superlanes != 0 ? $"mask 0x{v:x} has bits beyond the {c.Superlanes} superlanes" : null,
                OperandKind.Count => CountError(c, ins.Spec.Mnemonic, f.Name, v),
                OperandKind.Amount => AmountError(c, ins.Spec.Mnemonic, v),
                _ => null,
            };
            if (message is not null)
                Error(i, message);
        }
    }

    public static string? Below(string what, long v, int limit) => v >= limit ? $"{what} {v} out of range [0, {limit})" : null;

    private static string? UnitError(InstructionSpec spec, QueueInfo queue)
    {
        if (spec.Unit == UnitKind.Icu)
            return null;
        if (spec.Unit != queue.Kind)
            return $"{spec.Mnemonic} is a {spec.Unit.ToString().ToUpperInvariant()} instruction and cannot issue on queue {queue.Name}";
        if (spec.Sxm is { } kind && queue.Sxm != kind)
            return $"{spec.Mnemonic} needs an SXM {kind.ToString().ToLowerInvariant()} queue, not {queue.Name}";
        if (spec.Mxm is { } role && queue.Mxm != role)
            return $"{spec.Mnemonic} belongs on queue mxm.{queue.UnitIndex}.{role.ToString().ToLowerInvariant()}, not {queue.Name}";
        return null;
    }

    private static void CheckVxm(LpuConfig c, Instruction ins, VxmOp op, Action<int, string> error)
    {
        var name = VxmOps.Name(op);
        if (!c.Vxm.Supports(op))
            error(-1, $"operation {name} is not in vxm.ops of this configuration");
        if (op == VxmOp.Cvt)
        {
            var from = ins.Type("from");
            var to = ins.Type("to");
            if (!VxmOps.IsConversion(from, to))
                error(-1, $"cvt.{DataTypes.Name(from)}.{DataTypes.Name(to)} is not a conversion (i8/i16/i32 among themselves, i32<->f32, f16<->f32)");
            Supported(c, from, 0, error);
            Supported(c, to, 1, error);
        }
        else if (op == VxmOp.Requant)
        {
            Supported(c, DataType.I32, -1, error);
            Supported(c, DataType.I8, -1, error);
        }
        else
        {
            var type = ins.Type("type");
            if (!VxmOps.Types(op).Contains(type))
            {
                var allowed = string.Join(" ", VxmOps.Types(op).Select(DataTypes.Name));
                error(0, $"{name} is not defined for {DataTypes.Name(type)} (types: {allowed})");
            }

            Supported(c, type, 0, error);
        }
    }

    private static void Supported(LpuConfig c, DataType type, int operand, Action<int, string> error)
    {
        if (!c.Vxm.Supports(type))
            error(operand, $"data type {DataTypes.Name(type)} is not in vxm.dataTypes of this configuration");
    }

    private static string? MapLoaded(LpuProgram program, QueueInfo queue, long slot)
    {
        var kind = queue.Sxm == SxmKind.Perm ? SxmMapKind.Permute : SxmMapKind.Distribute;
        var loaded = program.Maps.Any(m => m.Kind == kind && m.Side == queue.Hemisphere && m.Unit == queue.UnitIndex && m.Slot == slot);
        return loaded || queue.Kind != UnitKind.Sxm ? null : $"map {slot} is not loaded in {queue.Name}";
    }

    private static string? StreamError(LpuConfig c, Instruction ins, OperandField f, long v)
    {
        var s = StreamRef.FromCode(v);
        var span = ins.StreamSpanOf(f, c.LanesPerSuperlane);
        var last = s.Index + Math.Max(span, 1) - 1;
        if (last < c.StreamsPerDirection)
            return null;
        var lastName = s with { Index = c.StreamsPerDirection - 1 };
        return span <= 1
            ? $"stream {s} out of range: the last stream is {lastName}"
            : $"stream {s} spans {s}..{s.Offset(span - 1)}, past the last stream {lastName}";
    }

    private static string? CountError(LpuConfig c, string mnemonic, string field, long v)
    {
        if (mnemonic == "lw")
            return v < 1 || v > c.StreamsPerDirection / 2 ? $"row count {v} out of range [1, {c.StreamsPerDirection / 2}]" : null;
        return v < 1 ? $"{mnemonic} {field} must be at least 1, got {v}" : null;
    }

    private static string? AmountError(LpuConfig c, string mnemonic, long v) => mnemonic switch
    {
        "shift.up" or "shift.down" => Below("shift amount", v, c.VectorLength),
        "rotate" => Below("rotate amount", v, c.LanesPerSuperlane),
        _ => null,
    };
}
