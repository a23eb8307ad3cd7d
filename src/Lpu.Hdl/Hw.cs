using System.Numerics;
using System.Runtime.CompilerServices;
using Lpu.Hdl.Ir;

namespace Lpu.Hdl;

/// <summary>Expression factories that are not operators: constants, concatenation, replication, mux.
/// Width rules are on <see cref="Expr"/>.</summary>
public static class Hw
{
    /// <summary>A constant of <paramref name="width"/> bits; negative values need <paramref name="signed"/>.</summary>
    public static Expr Const(BigInteger value, int width, bool signed = false,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Const(value, width, signed).At<Expr>(file, line);

    /// <summary>Concatenation, most significant part first; unsigned.</summary>
    public static Expr Concat(params Expr[] parts) => Builder.Concat(parts);

    /// <summary><paramref name="count"/> copies side by side; unsigned.</summary>
    public static Expr Replicate(Expr operand, int count,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Replicate(operand, count).At<Expr>(file, line);

    /// <summary><c>condition ? whenTrue : whenFalse</c>; a 1-bit condition and branches of one type.</summary>
    public static Expr Mux(Expr condition, Expr whenTrue, Expr whenFalse,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Builder.Mux(condition, whenTrue, whenFalse).At<Expr>(file, line);
}
