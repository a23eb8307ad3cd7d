using Lpu.Architecture.Isa;
using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Vxm.Lane;

/// <summary>
/// The i8 transcendentals (architecture.md §6) as 256-entry case ROMs, tabulated here from their
/// definition: input Q4.4 (x/16), round half away from zero, clamp.
/// </summary>
internal static class I8TableRom
{
    /// <summary>True for the ops that are tables.</summary>
    public static bool Has(VxmOp op) => op is VxmOp.Tanh or VxmOp.Exp or VxmOp.Rsqrt;

    /// <summary>Declares the ROM wire <c>rom_&lt;op&gt;</c> indexed by the low byte of <paramref name="a"/>, looked
    /// up while <paramref name="selected"/> holds and 0 otherwise (so a simulator skips it); returns it as a
    /// 32-bit word.</summary>
    public static Expr Rom(Module m, VxmOp op, Expr a, Expr selected)
    {
        var rom = m.Wire($"rom_{op.ToString().ToLowerInvariant()}", 8);
        m.When(selected, () =>
        {
            var cases = m.Switch(a[7, 0]);
            for (var index = 0; index < 256; index++)
            {
                var value = Entry(op, (sbyte)index);
                cases.Case(index, () => m.Assign(rom, value & 0xFF));
            }

            cases.Default(() => m.Assign(rom, 0));
        });
        return LaneBits.ToWord(rom);
    }

    /// <summary>The table's value for input <paramref name="x"/> (Q4.4).</summary>
    public static int Entry(VxmOp op, int x) => op switch
    {
        VxmOp.Tanh => Round(Math.Tanh(x / 16.0) * 128, -128, 127),
        VxmOp.Exp => Round(Math.Exp(x / 16.0) * 32, 0, 127),
        VxmOp.Rsqrt => x <= 0 ? 127 : Round(16 / Math.Sqrt(x / 16.0), 0, 127),
        _ => throw new ArgumentException($"{op} is not an i8 table", nameof(op)),
    };

    private static int Round(double value, int low, int high) =>
        (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), low, high);
}
