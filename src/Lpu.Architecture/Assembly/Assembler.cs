using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;

namespace Lpu.Architecture.Assembly;

/// <summary>
/// Assembles LPU assembly text (docs/isa.md, "Assembly") into an <see cref="LpuProgram"/> for one
/// configuration. Every error of the source, syntax and static checks alike (architecture.md §9),
/// is collected and reported together, sorted by position, as an <see cref="AssemblyException"/>.
/// </summary>
public sealed class Assembler
{
    private readonly LpuConfig config;
    private readonly string file;
    private readonly Floorplan plan;
    private readonly List<Diagnostic> errors = [];
    private readonly List<Instruction>[] queues;
    private readonly List<int[]>[] columns;
    private readonly List<int>[] lines;
    private readonly List<SramBlock> data = [];
    private readonly List<int> dataLines = [];
    private readonly List<SxmMap> maps = [];
    private int currentQueue = -1;
    private DataBlock? block;

    private Assembler(LpuConfig config, string file)
    {
        this.config = config;
        this.file = file;
        plan = new Floorplan(config);
        queues = [.. plan.Queues.Select(_ => new List<Instruction>())];
        columns = [.. plan.Queues.Select(_ => new List<int[]>())];
        lines = [.. plan.Queues.Select(_ => new List<int>())];
    }

    /// <summary>Assembles <paramref name="source"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static LpuProgram Assemble(string source, LpuConfig config, string file = "<input>")
    {
        var asm = new Assembler(config, file);
        var program = asm.Run(source);
        if (asm.errors.Count > 0)
            throw new AssemblyException([.. asm.errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.Message, StringComparer.Ordinal)]);
        return program;
    }

    private LpuProgram Run(string source)
    {
        var text = source.Split('\n');
        for (var n = 0; n < text.Length; n++)
        {
            var tokens = Token.Split(text[n].TrimEnd('\r'));
            if (tokens.Count > 0)
                Line(n + 1, tokens);
        }

        EndBlock();
        var program = new LpuProgram(config, [.. queues.Select(q => (IReadOnlyList<Instruction>)q)], data, maps);
        foreach (var e in ProgramChecker.Check(program))
        {
            // The queue-overflow error points one past the depth; that instruction exists.
            var cols = columns[e.Queue][e.Index];
            var col = e.Operand < 0 ? cols[0] : cols[e.Operand + 1];
            errors.Add(new Diagnostic(file, lines[e.Queue][e.Index], col, e.Message));
        }

        return program;
    }

    private void Error(int line, int column, string message) => errors.Add(new Diagnostic(file, line, column, message));

    private void Line(int n, List<Token> t)
    {
        var head = t[0];
        if (head.Text is ".bytes" or ".i8" or ".i16" or ".i32")
        {
            DataLine(n, t);
            return;
        }

        EndBlock();
        if (head.Text.EndsWith(':'))
        {
            var name = head.Text[..^1];
            var q = plan.FindQueue(name);
            if (q is null)
                Error(n, head.Column, $"unknown queue '{name}' in this configuration");
            currentQueue = q?.Index ?? -2;
            if (t.Count > 1)
                Error(n, t[1].Column, $"unexpected '{t[1].Text}' after the queue label: put instructions on their own lines");
        }
        else if (head.Text == ".data")
        {
            StartBlock(n, t);
        }
        else if (head.Text is ".permute" or ".distribute")
        {
            MapLine(n, t);
        }
        else if (head.Text.StartsWith('.'))
        {
            Error(n, head.Column, $"unknown directive '{head.Text}'");
        }
        else if (currentQueue == -1)
        {
            Error(n, head.Column, "instruction outside a queue: start a queue's list with a line like 'mem.w.0:'");
        }
        else
        {
            var parsed = InstructionParser.Parse(t, (col, message) => Error(n, col, message));
            if (parsed is { } p && currentQueue >= 0)
            {
                queues[currentQueue].Add(p.Instruction);
                columns[currentQueue].Add(p.Columns);
                lines[currentQueue].Add(n);
            }
        }
    }

    private bool Int(int n, Token t, string what, out int value)
    {
        if (InstructionParser.TryNumber(t.Text, out var v) && v >= int.MinValue && v <= int.MaxValue)
        {
            value = (int)v;
            return true;
        }

        Error(n, t.Column, $"bad number '{t.Text}' for {what}");
        value = 0;
        return false;
    }

    private void StartBlock(int n, List<Token> t)
    {
        if (t.Count != 3)
        {
            Error(n, t[0].Column, ".data expects a slice and an address: .data <slice> <address>");
            block = new DataBlock(n, t[0].Column, t[0], t[0], -1, 0, false);
            return;
        }

        var ok = Int(n, t[1], "slice", out var slice) & Int(n, t[2], "address", out var address);
        if (ok && (slice < 0 || slice >= config.SliceCount))
        {
            Error(n, t[1].Column, $"slice {slice} out of range [0, {config.SliceCount})");
            ok = false;
        }

        if (ok && (address < 0 || address >= config.Mem.WordsPerTile))
        {
            Error(n, t[2].Column, $"address {address} out of range [0, {config.Mem.WordsPerTile})");
            ok = false;
        }

        block = new DataBlock(n, t[0].Column, t[1], t[2], slice, address, ok);
    }

    private void DataLine(int n, List<Token> t)
    {
        var head = t[0];
        if (block is null)
        {
            Error(n, head.Column, $"'{head.Text}' outside a .data block");
            return;
        }

        var vl = config.VectorLength;
        var (min, max, bytes) = head.Text switch
        {
            ".bytes" => (0L, 255L, 1),
            ".i8" => (-128L, 127L, 1),
            ".i16" => (-32768L, 32767L, 2),
            _ => ((long)int.MinValue, (long)int.MaxValue, 4),
        };
        if (t.Count - 1 != vl)
        {
            Error(n, head.Column, $"{head.Text} expects {vl} values (one per lane), got {t.Count - 1}");
            block.Ok = false;
            return;
        }

        var values = new long[vl];
        for (var i = 0; i < vl; i++)
        {
            if (!InstructionParser.TryNumber(t[i + 1].Text, out values[i]) || values[i] < min || values[i] > max)
            {
                Error(n, t[i + 1].Column, $"bad {head.Text} value '{t[i + 1].Text}': expected a number in [{min}, {max}]");
                block.Ok = false;
            }
        }

        // Multi-byte elements span consecutive words like consecutive streams: word j holds byte j of every lane.
        for (var j = 0; j < bytes; j++)
            block.Bytes.AddRange(values.Select(v => (byte)(v >> (8 * j))));
    }

    private void EndBlock()
    {
        if (block is { Ok: true } b)
        {
            var words = b.Bytes.Count / config.VectorLength;
            if (words == 0)
                Error(b.Line, b.Column, ".data block has no .bytes/.i8/.i16/.i32 lines");
            else if (b.Address + words > config.Mem.WordsPerTile)
                Error(b.Line, b.AddressToken.Column, $"words [{b.Address}, {b.Address + words}) out of range [0, {config.Mem.WordsPerTile})");
            else if (ProgramRules.Overlap(data, b.Slice, b.Address, words, config.VectorLength) is var i and >= 0)
                Error(b.Line, b.AddressToken.Column, $"words [{b.Address}, {b.Address + words}) of slice {b.Slice} overlap the .data block on line {dataLines[i]}");
            else
            {
                data.Add(new SramBlock(b.Slice, b.Address, [.. b.Bytes]));
                dataLines.Add(b.Line);
            }
        }

        block = null;
    }

    private void MapLine(int n, List<Token> t)
    {
        var kind = t[0].Text == ".permute" ? SxmMapKind.Permute : SxmMapKind.Distribute;
        if (t.Count < 3)
        {
            Error(n, t[0].Column, $"{t[0].Text} expects a queue, a slot and the map: {t[0].Text} <queue> <slot> <entries...>");
            return;
        }

        var q = plan.FindQueue(t[1].Text);
        var want = kind == SxmMapKind.Permute ? SxmKind.Perm : SxmKind.Dist;
        if (q is null || q.Sxm != want)
        {
            Error(n, t[1].Column, $"'{t[1].Text}' is not a {(want == SxmKind.Perm ? "permuter" : "distributor")} queue of this configuration");
            return;
        }

        if (!Int(n, t[2], "slot", out var slot))
            return;
        var entries = new int[t.Count - 3];
        for (var i = 0; i < entries.Length; i++)
        {
            if (!Int(n, t[i + 3], "map entry", out entries[i]))
                return;
        }

        var (message, where) = ProgramRules.CheckMapAt(config, kind, slot, entries);
        if (message is not null)
        {
            Error(n, where == -2 ? t[2].Column : where == -1 ? t[0].Column : t[where + 3].Column, message);
            return;
        }

        if (maps.Any(m => m.Kind == kind && m.Side == q.Hemisphere && m.Unit == q.UnitIndex && m.Slot == slot))
        {
            Error(n, t[2].Column, $"map {slot} of {q.Name} is defined twice");
            return;
        }

        maps.Add(new SxmMap(kind, q.Hemisphere, q.UnitIndex, slot, entries));
    }

    private sealed class DataBlock(int line, int column, Token sliceToken, Token addressToken, int slice, int address, bool ok)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;

        public Token SliceToken { get; } = sliceToken;

        public Token AddressToken { get; } = addressToken;

        public int Slice { get; } = slice;

        public int Address { get; } = address;

        public bool Ok { get; set; } = ok;

        public List<byte> Bytes { get; } = [];
    }
}
