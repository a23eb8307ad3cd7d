using System.Globalization;
using System.Numerics;
using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Verilog;

/// <summary>
/// Writes expressions so that every emitted operand's self-determined Verilog width equals the node's width:
/// extensions are written out (<c>{1'b0, a}</c>, <c>{{3{a[4]}}, a}</c>), so Verilog never extends implicitly and
/// Verilator's WIDTH lint stays quiet. Signedness matters only where Verilog needs it (relational operators,
/// <c>&gt;&gt;&gt;</c>), written with <c>$signed</c>. Operands that must be bit-selected but are not names, and
/// nodes used more than once, go through temporaries. Read-only over the IR.
/// </summary>
internal sealed class ExprWriter(NameTable names, IReadOnlyDictionary<Expr, int> uses, Func<Expr, string> temporary)
{
    private readonly List<string> partlyRead = [];

    /// <summary>Temporaries of which only some bits are selected (to be sunk, for Verilator's lint).</summary>
    public IReadOnlyList<string> PartlyReadTemporaries => partlyRead;

    /// <summary>The text of <paramref name="expr"/>, parenthesized if it binds looser than
    /// <paramref name="minimum"/>.</summary>
    public string Write(Expr expr, int minimum = 0)
    {
        var (text, precedence) = Shared(expr) ? (temporary(expr), Precedence.Atom) : Inline(expr);
        return precedence < minimum ? $"({text})" : text;
    }

    /// <summary>The node's own text, never a temporary for itself (used to define the temporary).</summary>
    public string WriteInline(Expr expr) => Inline(expr).Text;

    /// <summary>A name for <paramref name="expr"/> that can be bit-selected.</summary>
    public string Name(Expr expr) => expr switch
    {
        Signal signal => names[signal],
        ArgumentExpr argument => names[argument],
        ReinterpretExpr cast => Name(cast.Operand),
        _ => temporary(expr),
    };

    /// <summary><paramref name="expr"/> widened to <paramref name="width"/> bits by its own signedness.</summary>
    public string Extended(Expr expr, int width, int minimum)
    {
        if (expr.Width >= width)
        {
            return Write(expr, minimum);
        }

        // A constant is written directly at the wider width: 6'd1 rather than {1'd0, 5'd1}.
        return expr is Const constant
            ? Literal(constant.Signed && constant.Value < 0 ? constant.Value + (BigInteger.One << width) : constant.Bits, width)
            : Extension(expr, width, expr.Signed);
    }

    public static string Literal(BigInteger bits, int width) =>
        bits < 65536 ? $"{width}'d{bits}" : $"{width}'h{bits.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0')}";

    private bool Shared(Expr expr) =>
        expr is not (Signal or ArgumentExpr or Const or ReinterpretExpr or SliceExpr { Operand: Signal or ArgumentExpr })
        && uses.TryGetValue(expr, out var count) && count > 1;

    private (string Text, int Precedence) Inline(Expr expr) => expr switch
    {
        Signal signal => (names[signal], Precedence.Atom),
        Const constant => (Literal(constant.Bits, constant.Width), Precedence.Atom),
        SliceExpr slice => (Select(slice), Precedence.Atom),
        ArgumentExpr argument => (names[argument], Precedence.Atom),
        CallExpr call => ($"{names[call.Function]}({string.Join(", ", call.Arguments.Select(a => Write(a)))})", Precedence.Atom),
        ConcatExpr concat => ("{" + string.Join(", ", concat.Parts.Select(p => Write(p))) + "}", Precedence.Atom),
        ReplicateExpr replicate => ($"{{{replicate.Count}{{{Write(replicate.Operand)}}}}}", Precedence.Atom),
        ExtendExpr extend => extend.Width == extend.Operand.Width
            ? Inner(extend.Operand)
            : (Extension(extend.Operand, extend.Width, extend.IsSignExtension), Precedence.Atom),
        ReinterpretExpr cast => Inner(cast.Operand),
        UnaryExpr unary => Unary(unary),
        BinaryExpr binary => Binary(binary),
        MuxExpr mux => ($"{Write(mux.Condition, Precedence.Conditional + 1)} ? {Write(mux.WhenTrue, Precedence.Conditional + 1)} : {Write(mux.WhenFalse, Precedence.Conditional)}",
            Precedence.Conditional),
        _ => throw new InvalidOperationException($"unknown node {expr.GetType().Name}"),
    };

    private (string Text, int Precedence) Inner(Expr expr) =>
        Shared(expr) ? (temporary(expr), Precedence.Atom) : Inline(expr);

    private string Select(SliceExpr slice)
    {
        if (slice.Low == 0 && slice.High == slice.Operand.Width - 1)
        {
            return Write(slice.Operand, Precedence.Atom);
        }

        var name = Name(slice.Operand);
        if (slice.Operand is not (Signal or ArgumentExpr) && !partlyRead.Contains(name))
        {
            partlyRead.Add(name);
        }

        return slice.High == slice.Low ? $"{name}[{slice.Low}]" : $"{name}[{slice.High}:{slice.Low}]";
    }

    private string Extension(Expr operand, int width, bool sign)
    {
        var extra = width - operand.Width;
        if (!sign)
        {
            return $"{{{Literal(0, extra)}, {Write(operand)}}}";
        }

        var name = Name(operand);
        var top = operand.Width == 1 ? name : $"{name}[{operand.Width - 1}]";
        if (operand.Width == 1)
        {
            return $"{{{width}{{{top}}}}}";
        }

        return extra == 1 ? $"{{{top}, {name}}}" : $"{{{{{extra}{{{top}}}}}, {name}}}";
    }

    private (string, int) Unary(UnaryExpr unary)
    {
        var operand = unary.Operand;
        return unary.Op switch
        {
            UnaryOp.Not => ("~" + Write(operand, Precedence.Atom), Precedence.Unary),
            UnaryOp.Negate => ("-" + Extended(operand, unary.Width, Precedence.Atom), Precedence.Unary),
            UnaryOp.LogicalNot => ((operand.Width == 1 ? "!" : "~|") + Write(operand, Precedence.Atom), Precedence.Unary),
            UnaryOp.ReduceAnd => ("&" + Write(operand, Precedence.Atom), Precedence.Unary),
            UnaryOp.ReduceOr => ("|" + Write(operand, Precedence.Atom), Precedence.Unary),
            _ => ("^" + Write(operand, Precedence.Atom), Precedence.Unary),
        };
    }

    private (string, int) Binary(BinaryExpr binary)
    {
        var (a, b) = (binary.Left, binary.Right);
        switch (binary.Op)
        {
            case BinaryOp.And:
                return Infix(Write(a, Precedence.BitAnd), "&", Write(b, Precedence.BitAnd + 1), Precedence.BitAnd);
            case BinaryOp.Or:
                return Infix(Write(a, Precedence.BitOr), "|", Write(b, Precedence.BitOr + 1), Precedence.BitOr);
            case BinaryOp.Xor:
                return Infix(Write(a, Precedence.BitXor), "^", Write(b, Precedence.BitXor + 1), Precedence.BitXor);
            case BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul:
                {
                    var p = binary.Op == BinaryOp.Mul ? Precedence.Multiplicative : Precedence.Additive;
                    return Infix(Extended(a, binary.Width, p), Builder.Symbol(binary.Op), Extended(b, binary.Width, p + 1), p);
                }

            case BinaryOp.Eq or BinaryOp.Ne:
                {
                    var w = Math.Max(a.Width, b.Width);
                    return Infix(Extended(a, w, Precedence.Equality), Builder.Symbol(binary.Op), Extended(b, w, Precedence.Equality + 1), Precedence.Equality);
                }

            case BinaryOp.Lt or BinaryOp.Le or BinaryOp.Gt or BinaryOp.Ge:
                {
                    var w = Math.Max(a.Width, b.Width);
                    return Infix(SignedOperand(a, w, Precedence.Relational), Builder.Symbol(binary.Op),
                        SignedOperand(b, w, Precedence.Relational + 1), Precedence.Relational);
                }

            case BinaryOp.Shl:
                return Infix(Write(a, Precedence.Shift), "<<", ShiftAmount(b), Precedence.Shift);
            case BinaryOp.Shr when a.Signed:
                return Infix(SignedOperand(a, a.Width, Precedence.Shift), ">>>", ShiftAmount(b), Precedence.Shift);
            case BinaryOp.Shr:
                return Infix(Write(a, Precedence.Shift), ">>", ShiftAmount(b), Precedence.Shift);
            case BinaryOp.LogicalAnd:
                return Infix(Truth(a, Precedence.LogicalAnd), "&&", Truth(b, Precedence.LogicalAnd + 1), Precedence.LogicalAnd);
            default:
                return Infix(Truth(a, Precedence.LogicalOr), "||", Truth(b, Precedence.LogicalOr + 1), Precedence.LogicalOr);
        }
    }

    private static (string, int) Infix(string left, string op, string right, int precedence) => ($"{left} {op} {right}", precedence);

    private string ShiftAmount(Expr amount) =>
        amount is Const constant ? constant.Bits.ToString(CultureInfo.InvariantCulture) : Write(amount, Precedence.Shift + 1);

    private string Truth(Expr operand, int minimum) =>
        operand.Width == 1 ? Write(operand, minimum) : "|" + Write(operand, Precedence.Atom);

    private string SignedOperand(Expr operand, int width, int minimum)
    {
        if (!operand.Signed)
        {
            return Extended(operand, width, minimum);
        }

        return operand is Signal && operand.Width == width
            ? Write(operand, minimum)
            : $"$signed({Extended(operand, width, 0)})";
    }
}
