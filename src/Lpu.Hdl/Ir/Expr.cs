using System.Numerics;
using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

/// <summary>
/// A hardware value: a node of the expression tree. Width and signedness are computed when the node is
/// built and never change. Width rules (no implicit extension or truncation anywhere):
/// <list type="bullet">
/// <item><c>a + b</c>, <c>a - b</c>: max(wa, wb) + 1 bits; <c>-a</c>: wa + 1 bits, signed.</item>
/// <item><c>a * b</c>: wa + wb bits.</item>
/// <item><c>&amp; | ^</c>, mux branches: both operands the same width and signedness; result the same.</item>
/// <item>comparisons, reductions, <c>!</c>: 1 bit, unsigned; operands may differ in width.</item>
/// <item>shifts keep the left operand's width and signedness (<c>&gt;&gt;</c> is arithmetic when signed).</item>
/// <item>slices, concatenation, replication: unsigned.</item>
/// <item>mixing signed and unsigned operands is an error: use <see cref="AsSigned"/> / <see cref="AsUnsigned"/>.</item>
/// <item>widening is explicit (<see cref="ZeroExtend"/>, <see cref="SignExtend"/>, <see cref="Extend"/>),
/// narrowing is explicit (<see cref="Truncate"/>).</item>
/// </list>
/// An integer operand (<c>a + 1</c>) becomes a constant of the other operand's width and signedness.
/// Mistakes do not throw: the node records the error and elaboration reports all of them together.
/// </summary>
public abstract class Expr
{
    private static long nextId;

    private protected Expr(int width, bool signed)
    {
        Id = Interlocked.Increment(ref nextId);
        Width = width;
        Signed = signed;
    }

    /// <summary>Creation order: later nodes have larger ids. Never used for hashing.</summary>
    public long Id { get; }

    /// <summary>Bits, at least 1.</summary>
    public int Width { get; }

    /// <summary>Two's complement when true.</summary>
    public bool Signed { get; }

    /// <summary>Where the node was built, when it was built by a method (operators cannot know; their
    /// errors are reported at the statement that uses them).</summary>
    public SourceLocation? Source { get; private protected set; }

    internal (DiagnosticKind Kind, string Message)? Problem { get; private set; }

    /// <summary>Set once the node and its operands have been checked by a consuming statement.</summary>
    internal bool Checked { get; set; }

    /// <summary>The operands, in order.</summary>
    public abstract IReadOnlyList<Expr> Operands { get; }

    internal T WithProblem<T>(DiagnosticKind kind, string message)
        where T : Expr
    {
        Problem ??= (kind, message);
        return (T)this;
    }

    internal T At<T>(string file, int line)
        where T : Expr
    {
        Source = SourceLocation.From(file, line);
        return (T)this;
    }

    internal string TypeName => $"{Width}-bit {(Signed ? "signed" : "unsigned")}";

    // ---- slices and width changes -------------------------------------------------------------

    /// <summary>Bits <paramref name="high"/> down to <paramref name="low"/>, unsigned.</summary>
    public Expr this[int high, int low] => Slice(high, low);

    /// <summary>One bit, unsigned.</summary>
    public Expr this[int bit] => Slice(bit, bit);

    /// <summary>Bits <paramref name="high"/> down to <paramref name="low"/>, unsigned.</summary>
    public Expr Slice(int high, int low, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Slice(this, high, low).At<Expr>(file, line);

    /// <summary>The low <paramref name="width"/> bits, keeping signedness. The only way to narrow.</summary>
    public Expr Truncate(int width, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Truncate(this, width).At<Expr>(file, line);

    /// <summary>Widen with zeros to <paramref name="width"/> bits; the result is unsigned.</summary>
    public Expr ZeroExtend(int width, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Extend(this, width, sign: false).At<Expr>(file, line);

    /// <summary>Widen with copies of the top bit to <paramref name="width"/> bits; the result is signed.</summary>
    public Expr SignExtend(int width, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Extend(this, width, sign: true).At<Expr>(file, line);

    /// <summary>Widen by the operand's own signedness (sign-extend if signed), keeping it.</summary>
    public Expr Extend(int width, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Extend(this, width, Signed).At<Expr>(file, line);

    /// <summary>The same bits read as two's complement.</summary>
    public Expr AsSigned([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Reinterpret(this, signed: true).At<Expr>(file, line);

    /// <summary>The same bits read as unsigned.</summary>
    public Expr AsUnsigned([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Reinterpret(this, signed: false).At<Expr>(file, line);

    // ---- reductions and comparisons by name ------------------------------------------------------

    /// <summary>1 when all bits are 1.</summary>
    public Expr ReduceAnd() => Builder.Unary(UnaryOp.ReduceAnd, this);

    /// <summary>1 when any bit is 1.</summary>
    public Expr ReduceOr() => Builder.Unary(UnaryOp.ReduceOr, this);

    /// <summary>Parity: 1 when an odd number of bits are 1.</summary>
    public Expr ReduceXor() => Builder.Unary(UnaryOp.ReduceXor, this);

    /// <summary>1-bit equality (widths may differ; the narrower operand is extended by its signedness).</summary>
    public Expr Eq(Expr other) => Builder.Binary(BinaryOp.Eq, this, other);

    /// <summary>1-bit equality with a constant of this operand's type.</summary>
    public Expr Eq(BigInteger value) => Builder.Binary(BinaryOp.Eq, this, Builder.ConstLike(value, this));

    /// <summary>1-bit inequality.</summary>
    public Expr Ne(Expr other) => Builder.Binary(BinaryOp.Ne, this, other);

    /// <summary>1-bit inequality with a constant of this operand's type.</summary>
    public Expr Ne(BigInteger value) => Builder.Binary(BinaryOp.Ne, this, Builder.ConstLike(value, this));

    /// <summary>Logical and of two values each read as "non-zero"; 1 bit.</summary>
    public Expr LogicalAnd(Expr other) => Builder.Binary(BinaryOp.LogicalAnd, this, other);

    /// <summary>Logical or of two values each read as "non-zero"; 1 bit.</summary>
    public Expr LogicalOr(Expr other) => Builder.Binary(BinaryOp.LogicalOr, this, other);

    // ---- operators ------------------------------------------------------------------------------

    public static Expr operator +(Expr a, Expr b) => Builder.Binary(BinaryOp.Add, a, b);

    public static Expr operator +(Expr a, BigInteger b) => Builder.Binary(BinaryOp.Add, a, Builder.ConstLike(b, a));

    public static Expr operator -(Expr a, Expr b) => Builder.Binary(BinaryOp.Sub, a, b);

    public static Expr operator -(Expr a, BigInteger b) => Builder.Binary(BinaryOp.Sub, a, Builder.ConstLike(b, a));

    public static Expr operator *(Expr a, Expr b) => Builder.Binary(BinaryOp.Mul, a, b);

    public static Expr operator &(Expr a, Expr b) => Builder.Binary(BinaryOp.And, a, b);

    public static Expr operator &(Expr a, BigInteger b) => Builder.Binary(BinaryOp.And, a, Builder.ConstLike(b, a));

    public static Expr operator |(Expr a, Expr b) => Builder.Binary(BinaryOp.Or, a, b);

    public static Expr operator |(Expr a, BigInteger b) => Builder.Binary(BinaryOp.Or, a, Builder.ConstLike(b, a));

    public static Expr operator ^(Expr a, Expr b) => Builder.Binary(BinaryOp.Xor, a, b);

    public static Expr operator ^(Expr a, BigInteger b) => Builder.Binary(BinaryOp.Xor, a, Builder.ConstLike(b, a));

    public static Expr operator ~(Expr a) => Builder.Unary(UnaryOp.Not, a);

    public static Expr operator !(Expr a) => Builder.Unary(UnaryOp.LogicalNot, a);

    public static Expr operator -(Expr a) => Builder.Unary(UnaryOp.Negate, a);

    public static Expr operator <<(Expr a, int amount) => Builder.Binary(BinaryOp.Shl, a, Builder.ShiftAmount(amount));

    public static Expr operator <<(Expr a, Expr amount) => Builder.Binary(BinaryOp.Shl, a, amount);

    public static Expr operator >>(Expr a, int amount) => Builder.Binary(BinaryOp.Shr, a, Builder.ShiftAmount(amount));

    public static Expr operator >>(Expr a, Expr amount) => Builder.Binary(BinaryOp.Shr, a, amount);

    public static Expr operator <(Expr a, Expr b) => Builder.Binary(BinaryOp.Lt, a, b);

    public static Expr operator >(Expr a, Expr b) => Builder.Binary(BinaryOp.Gt, a, b);

    public static Expr operator <=(Expr a, Expr b) => Builder.Binary(BinaryOp.Le, a, b);

    public static Expr operator >=(Expr a, Expr b) => Builder.Binary(BinaryOp.Ge, a, b);

    public static Expr operator <(Expr a, BigInteger b) => Builder.Binary(BinaryOp.Lt, a, Builder.ConstLike(b, a));

    public static Expr operator >(Expr a, BigInteger b) => Builder.Binary(BinaryOp.Gt, a, Builder.ConstLike(b, a));

    public static Expr operator <=(Expr a, BigInteger b) => Builder.Binary(BinaryOp.Le, a, Builder.ConstLike(b, a));

    public static Expr operator >=(Expr a, BigInteger b) => Builder.Binary(BinaryOp.Ge, a, Builder.ConstLike(b, a));
}
