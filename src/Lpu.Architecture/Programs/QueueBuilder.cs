using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;

namespace Lpu.Architecture.Programs;

/// <summary>
/// Appends instructions to one queue. Each helper is one table row; operand values are checked
/// against the field widths only (range checks against the configuration are the checker's).
/// </summary>
public sealed class QueueBuilder
{
    private readonly List<Instruction> list = [];

    internal QueueBuilder(QueueInfo queue) => Info = queue;

    /// <summary>The queue.</summary>
    public QueueInfo Info { get; }

    /// <summary>Instructions so far.</summary>
    public IReadOnlyList<Instruction> Instructions => list;

    /// <summary>Appends any instruction.</summary>
    public QueueBuilder Add(Instruction instruction)
    {
        list.Add(instruction);
        return this;
    }

    /// <summary>Appends <c>mnemonic operands...</c> (see <see cref="Instruction.Create"/>).</summary>
    public QueueBuilder Add(string mnemonic, params object[] operands) => Add(Instruction.Create(mnemonic, operands));

    /// <summary><c>nop n</c>.</summary>
    public QueueBuilder Nop(int n) => Add("nop", n);

    /// <summary><c>repeat n, d, step</c>.</summary>
    public QueueBuilder Repeat(int n, int d, int step = 0) => Add("repeat", n, d, step);

    /// <summary><c>sync</c>.</summary>
    public QueueBuilder Sync() => Add("sync");

    /// <summary><c>notify</c>.</summary>
    public QueueBuilder Notify() => Add("notify");

    /// <summary><c>config mask</c>.</summary>
    public QueueBuilder Config(long mask) => Add("config", mask);

    /// <summary><c>read a, dst</c>.</summary>
    public QueueBuilder Read(int address, StreamRef dst) => Add("read", address, dst);

    /// <summary><c>write a, src</c>.</summary>
    public QueueBuilder Write(int address, StreamRef src) => Add("write", address, src);

    /// <summary><c>gather dst, adr</c>.</summary>
    public QueueBuilder Gather(StreamRef dst, StreamRef adr) => Add("gather", dst, adr);

    /// <summary><c>scatter src, adr</c>.</summary>
    public QueueBuilder Scatter(StreamRef src, StreamRef adr) => Add("scatter", src, adr);

    /// <summary>A binary VXM op <c>op.type dst, a, b</c>.</summary>
    public QueueBuilder Vxm(VxmOp op, DataType type, StreamRef dst, StreamRef a, StreamRef b) => Add(VxmOps.Name(op), type, dst, a, b);

    /// <summary>A unary VXM op <c>op.type dst, a</c>.</summary>
    public QueueBuilder Vxm(VxmOp op, DataType type, StreamRef dst, StreamRef a) => Add(VxmOps.Name(op), type, dst, a);

    /// <summary><c>cvt.from.to dst, a</c>.</summary>
    public QueueBuilder Cvt(DataType from, DataType to, StreamRef dst, StreamRef a) => Add("cvt", from, to, dst, a);

    /// <summary><c>requant dst, a, scale, shift</c>.</summary>
    public QueueBuilder Requant(StreamRef dst, StreamRef a, int scale, int shift) => Add("requant", dst, a, scale, shift);

    /// <summary><c>shift.up n, dst, src</c>.</summary>
    public QueueBuilder ShiftUp(int n, StreamRef dst, StreamRef src) => Add("shift.up", n, dst, src);

    /// <summary><c>shift.down n, dst, src</c>.</summary>
    public QueueBuilder ShiftDown(int n, StreamRef dst, StreamRef src) => Add("shift.down", n, dst, src);

    /// <summary><c>permute m, dst, src</c>.</summary>
    public QueueBuilder Permute(int map, StreamRef dst, StreamRef src) => Add("permute", map, dst, src);

    /// <summary><c>distribute m, dst, src</c>.</summary>
    public QueueBuilder Distribute(int map, StreamRef dst, StreamRef src) => Add("distribute", map, dst, src);

    /// <summary><c>rotate r, dst, src</c>.</summary>
    public QueueBuilder Rotate(int r, StreamRef dst, StreamRef src) => Add("rotate", r, dst, src);

    /// <summary><c>transpose dst, src</c>.</summary>
    public QueueBuilder Transpose(StreamRef dst, StreamRef src) => Add("transpose", dst, src);

    /// <summary><c>lw src, n</c>.</summary>
    public QueueBuilder Lw(StreamRef src, int n) => Add("lw", src, n);

    /// <summary><c>iw</c>.</summary>
    public QueueBuilder Iw() => Add("iw");

    /// <summary><c>abc src, row, set|add</c>.</summary>
    public QueueBuilder Abc(StreamRef src, int row, bool add) => Add("abc", src, row, add);

    /// <summary><c>acc row, dst</c>.</summary>
    public QueueBuilder Acc(int row, StreamRef dst) => Add("acc", row, dst);
}
