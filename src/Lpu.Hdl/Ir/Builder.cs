using System.Numerics;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

/// <summary>
/// The one factory of expression nodes and the one place that checks operands. A bad operand does not
/// throw: the node gets a usable type (so building can go on) and records the problem, which the
/// statement that uses the node reports during elaboration. Runs the same in Release and Debug.
/// </summary>
internal static class Builder
{
    public static Const Const(BigInteger value, int width, bool signed)
    {
        if (width <= 0)
        {
            return new Const(BigInteger.Zero, 1, signed)
                .WithProblem<Const>(DiagnosticKind.InvalidWidth, $"constant width must be positive, is {width}");
        }

        var min = signed ? -(BigInteger.One << (width - 1)) : BigInteger.Zero;
        var max = signed ? (BigInteger.One << (width - 1)) - 1 : (BigInteger.One << width) - 1;
        var bits = value < 0 ? value + (BigInteger.One << width) : value;
        var node = new Const(value < min || value > max ? BigInteger.Zero : bits, width, signed);
        return value < min || value > max
            ? node.WithProblem<Const>(DiagnosticKind.WidthMismatch, $"constant {value} does not fit in {node.TypeName}")
            : node;
    }

    public static Const ConstLike(BigInteger value, Expr like) => Const(value, like.Width, like.Signed);

    public static Const ShiftAmount(int amount) =>
        amount < 0
            ? new Const(0, 1, false).WithProblem<Const>(DiagnosticKind.InvalidUse, $"shift amount must not be negative, is {amount}")
            : new Const(amount, Math.Max(1, (int)BigInteger.Log(amount + 1, 2) + 1), false);

    public static Expr Slice(Expr operand, int high, int low) =>
        low < 0 || high >= operand.Width || high < low
            ? new SliceExpr(operand, Math.Max(high, low), low, false).WithProblem<Expr>(
                DiagnosticKind.IndexOutOfRange, $"slice [{high}:{low}] is out of range of a {operand.TypeName} value")
            : new SliceExpr(operand, high, low, false);

    public static Expr Truncate(Expr operand, int width)
    {
        if (width <= 0)
        {
            return new SliceExpr(operand, 0, 0, operand.Signed)
                .WithProblem<Expr>(DiagnosticKind.InvalidWidth, $"Truncate width must be positive, is {width}");
        }

        var node = new SliceExpr(operand, width - 1, 0, operand.Signed);
        return width > operand.Width
            ? node.WithProblem<Expr>(DiagnosticKind.WidthMismatch,
                $"Truncate({width}) of a {operand.TypeName} value would widen it: use ZeroExtend, SignExtend or Extend")
            : node;
    }

    public static Expr Extend(Expr operand, int width, bool sign)
    {
        if (width <= 0)
        {
            return new ExtendExpr(operand, operand.Width, sign)
                .WithProblem<Expr>(DiagnosticKind.InvalidWidth, $"extension width must be positive, is {width}");
        }

        return width < operand.Width
            ? new ExtendExpr(operand, operand.Width, sign).WithProblem<Expr>(DiagnosticKind.WidthMismatch,
                $"extending a {operand.TypeName} value to {width} bits would narrow it: use Truncate")
            : new ExtendExpr(operand, width, sign);
    }

    public static Expr Reinterpret(Expr operand, bool signed) => new ReinterpretExpr(operand, signed);

    public static Expr Unary(UnaryOp op, Expr operand) => op switch
    {
        UnaryOp.Not => new UnaryExpr(op, operand, operand.Width, operand.Signed),
        UnaryOp.Negate => new UnaryExpr(op, operand, operand.Width + 1, true),
        _ => new UnaryExpr(op, operand, 1, false),
    };

    public static Expr Binary(BinaryOp op, Expr a, Expr b)
    {
        var symbol = Symbol(op);
        switch (op)
        {
            case BinaryOp.And or BinaryOp.Or or BinaryOp.Xor:
                {
                    var node = new BinaryExpr(op, a, b, a.Width, a.Signed);
                    return a.Width != b.Width
                        ? node.WithProblem<Expr>(DiagnosticKind.WidthMismatch,
                            $"operands of '{symbol}' are {a.TypeName} and {b.TypeName}: widths must match")
                        : CheckSigns(node, symbol, a, b);
                }

            case BinaryOp.Add or BinaryOp.Sub:
                return CheckSigns(new BinaryExpr(op, a, b, Math.Max(a.Width, b.Width) + 1, a.Signed), symbol, a, b);
            case BinaryOp.Mul:
                return CheckSigns(new BinaryExpr(op, a, b, a.Width + b.Width, a.Signed), symbol, a, b);
            case BinaryOp.Shl or BinaryOp.Shr:
                {
                    var node = new BinaryExpr(op, a, b, a.Width, a.Signed);
                    return b.Signed
                        ? node.WithProblem<Expr>(DiagnosticKind.SignednessMismatch,
                            $"shift amount of '{symbol}' must be unsigned, is {b.TypeName}")
                        : node;
                }

            case BinaryOp.LogicalAnd or BinaryOp.LogicalOr:
                return new BinaryExpr(op, a, b, 1, false);
            default:
                return CheckSigns(new BinaryExpr(op, a, b, 1, false), symbol, a, b);
        }
    }

    public static Expr Concat(Expr[] parts)
    {
        if (parts.Length == 0)
        {
            return new ConcatExpr(parts, 1).WithProblem<Expr>(DiagnosticKind.InvalidWidth, "Concat needs at least one part");
        }

        long width = 0;
        foreach (var part in parts)
        {
            width += part.Width;
        }

        return width > int.MaxValue
            ? new ConcatExpr(parts, 1).WithProblem<Expr>(DiagnosticKind.InvalidWidth, $"Concat width {width} is too large")
            : new ConcatExpr(parts, (int)width);
    }

    public static Expr Replicate(Expr operand, int count) =>
        count <= 0
            ? new ReplicateExpr(operand, 1).WithProblem<Expr>(DiagnosticKind.InvalidWidth, $"Replicate count must be positive, is {count}")
            : new ReplicateExpr(operand, count);

    public static Expr Mux(Expr condition, Expr whenTrue, Expr whenFalse)
    {
        var node = new MuxExpr(condition, whenTrue, whenFalse);
        if (condition.Width != 1)
        {
            return node.WithProblem<Expr>(DiagnosticKind.WidthMismatch, $"mux condition must be 1 bit, is {condition.TypeName}");
        }

        return whenTrue.Width != whenFalse.Width
            ? node.WithProblem<Expr>(DiagnosticKind.WidthMismatch,
                $"mux branches are {whenTrue.TypeName} and {whenFalse.TypeName}: widths must match")
            : CheckSigns(node, "?:", whenTrue, whenFalse);
    }

    public static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.And => "&",
        BinaryOp.Or => "|",
        BinaryOp.Xor => "^",
        BinaryOp.Add => "+",
        BinaryOp.Sub => "-",
        BinaryOp.Mul => "*",
        BinaryOp.Eq => "==",
        BinaryOp.Ne => "!=",
        BinaryOp.Lt => "<",
        BinaryOp.Le => "<=",
        BinaryOp.Gt => ">",
        BinaryOp.Ge => ">=",
        BinaryOp.Shl => "<<",
        BinaryOp.Shr => ">>",
        BinaryOp.LogicalAnd => "&&",
        _ => "||",
    };

    private static Expr CheckSigns(Expr node, string symbol, Expr a, Expr b) =>
        a.Signed != b.Signed
            ? node.WithProblem<Expr>(DiagnosticKind.SignednessMismatch,
                $"operands of '{symbol}' are {a.TypeName} and {b.TypeName}: use AsSigned() or AsUnsigned()")
            : node;
}
