using Lpu.Hdl.Checks;
using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Tests.Ir;

/// <summary>Widths and signedness computed when nodes are built (docs/hdl.md, "Width rules").</summary>
public class WidthRuleTests
{
    private readonly Module m = new("w");

    private Expr U(int width) => m.Input($"u{Guid.NewGuid():N}", width);

    private Expr S(int width) => m.Input($"s{Guid.NewGuid():N}", width, signed: true);

    [Fact]
    public void Arithmetic_widens()
    {
        AssertType(U(8) + U(5), 9, false);
        AssertType(S(8) - S(12), 13, true);
        AssertType(U(8) * U(5), 13, false);
        AssertType(S(8) * S(8), 16, true);
        AssertType(-U(8), 9, true);
        AssertType(U(8) + 1, 9, false);
    }

    [Fact]
    public void Bitwise_shift_and_mux_keep_the_type()
    {
        AssertType(U(8) & U(8), 8, false);
        AssertType(~S(6), 6, true);
        AssertType(S(8) >> 2, 8, true);
        AssertType(U(8) << U(3), 8, false);
        AssertType(Hw.Mux(U(1), S(4), S(4)), 4, true);
    }

    [Fact]
    public void Predicates_are_one_unsigned_bit()
    {
        AssertType(S(8) < S(3), 1, false);
        AssertType(U(8).Eq(U(2)), 1, false);
        AssertType(U(8).ReduceXor(), 1, false);
        AssertType(!U(8), 1, false);
        AssertType(U(8).LogicalOr(U(2)), 1, false);
    }

    [Fact]
    public void Slices_concatenation_and_replication_are_unsigned()
    {
        AssertType(S(8)[6, 2], 5, false);
        AssertType(S(8)[7], 1, false);
        AssertType(Hw.Concat(S(3), U(4), U(1)), 8, false);
        AssertType(Hw.Replicate(U(3), 4), 12, false);
    }

    [Fact]
    public void Explicit_width_changes()
    {
        AssertType(U(8).ZeroExtend(12), 12, false);
        AssertType(U(8).SignExtend(12), 12, true);
        AssertType(S(8).Extend(9), 9, true);
        AssertType(S(8).Truncate(3), 3, true);
        AssertType(U(8).AsSigned(), 8, true);
        AssertType(S(8).AsUnsigned(), 8, false);
    }

    [Fact]
    public void Constants_check_their_range()
    {
        AssertType(Hw.Const(-4, 3, signed: true), 3, true);
        Assert.Equal(4, ((Const)Hw.Const(-4, 3, signed: true)).Bits);
        var y = m.Output("y", 3);
        m.Assign(y, Hw.Const(9, 3));
        var problem = Assert.Single(Elaborator.Check(m), d => d.Kind == DiagnosticKind.WidthMismatch);
        Assert.Equal("w: constant 9 does not fit in 3-bit unsigned", problem.Message);
    }

    [Fact]
    public void Mixed_signedness_or_width_is_recorded_not_thrown()
    {
        var sum = S(8) + U(8);
        var and = U(8) & U(7);
        AssertType(sum, 9, true);
        AssertType(and, 8, false);
        var y = m.Output("y", 9, signed: true);
        var z = m.Output("z", 8);
        m.Assign(y, sum);
        m.Assign(z, and);
        Assert.Equal(
            [DiagnosticKind.SignednessMismatch, DiagnosticKind.WidthMismatch],
            Elaborator.Check(m).Where(d => d.Kind != DiagnosticKind.Undriven).Select(d => d.Kind));
    }

    private static void AssertType(Expr e, int width, bool signed)
    {
        Assert.Equal(width, e.Width);
        Assert.Equal(signed, e.Signed);
    }
}
