using Lpu.Architecture.Configuration;
using Lpu.Architecture.Layout;
using Lpu.Compiler.Gemm;
using Lpu.Model;
using Lpu.Rtl;
using Lpu.Tensors;

namespace Lpu.Cosim.Runs;

/// <summary>
/// Runs C = A x B end to end: compiles it for a configuration, runs the program on a backend,
/// reads C back from SRAM and checks it against the reference tensor math.
/// </summary>
public static class GemmRun
{
    /// <summary>
    /// Compiles and runs <paramref name="a"/> x <paramref name="b"/> on <paramref name="backend"/>.
    /// An <see cref="ArgumentException"/> says why the configuration or backend cannot run it.
    /// </summary>
    public static GemmReport Execute(LpuConfig config, string configName, Matrix<sbyte> a, Matrix<sbyte> b, Backend backend)
    {
        if (a.Cols != b.Rows)
            throw new ArgumentException($"A is {a} and B is {b}: A's columns must equal B's rows", nameof(b));
        if (backend != Backend.Model && !RtlCoverage.Covers(UnitKind.Mxm))
            throw new ArgumentException(RtlCoverage.Missing(UnitKind.Mxm, configName) + ": run the GEMM with --on model", nameof(backend));

        var shape = new GemmShape(a.Rows, a.Cols, b.Cols);
        var gemm = GemmCompiler.Compile(config, shape, a.Data, b.Data);
        var model = new LpuSimulator(config);
        model.Load(gemm.Program);
        var cycles = model.Run();
        var result = gemm.Layout.ReadResult((slice, address) =>
        {
            var word = new byte[config.VectorLength];
            model.ReadSram(slice, address, word);
            return word;
        });

        var reference = Gemm.Multiply(a, b).Data;
        var macsPerCycle = (long)config.Mxm.Planes * config.Mxm.ArraySize * config.Mxm.ArraySize;
        return new GemmReport(gemm, result, cycles, macsPerCycle, Compare(shape, reference, result));
    }

    private static GemmMismatch? Compare(GemmShape shape, int[] expected, int[] actual)
    {
        var first = -1;
        var count = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] == actual[i])
                continue;
            count++;
            if (first < 0)
                first = i;
        }

        return first < 0 ? null : new GemmMismatch(first / shape.N, first % shape.N, expected[first], actual[first], count);
    }
}
