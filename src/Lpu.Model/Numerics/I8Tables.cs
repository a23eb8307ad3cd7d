namespace Lpu.Model.Numerics;

/// <summary>
/// The VXM's i8 transcendental tables (architecture.md §6), tabulated from their definition: the
/// input is Q4.4 (x/16), results round half away from zero and clamp to the stated range.
/// Indexed by the input's byte (two's complement).
/// </summary>
public static class I8Tables
{
    /// <summary>tanh: clamp(round(tanh(x/16) x 128), -128, 127).</summary>
    public static readonly sbyte[] Tanh = Build(x => Clamp(Math.Tanh(x / 16.0) * 128, -128, 127));

    /// <summary>exp: clamp(round(exp(x/16) x 32), 0, 127).</summary>
    public static readonly sbyte[] Exp = Build(x => Clamp(Math.Exp(x / 16.0) * 32, 0, 127));

    /// <summary>rsqrt: x &lt;= 0 ? 127 : clamp(round(16 / sqrt(x/16)), 0, 127).</summary>
    public static readonly sbyte[] Rsqrt = Build(x => x <= 0 ? (sbyte)127 : Clamp(16 / Math.Sqrt(x / 16.0), 0, 127));

    private static sbyte Clamp(double value, int low, int high) =>
        (sbyte)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), low, high);

    private static sbyte[] Build(Func<int, sbyte> f)
    {
        var table = new sbyte[256];
        for (var b = 0; b < 256; b++)
            table[b] = f((sbyte)b);
        return table;
    }
}
