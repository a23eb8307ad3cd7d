using System.Diagnostics;
using Lpu.Tensors;

namespace Lpu.Bench;

/// <summary>
/// <c>tensor-gemm [size] [runs]</c>: times the reference GEMMs of <see cref="Gemm"/> on each path
/// (square size^3, default 1024; the scalar loop on size/4, since it is ~300x slower) and prints
/// GOPS (2 x M x N x K operations per run): the best and the median of the runs, and the rate per
/// CPU-second of the process (a figure for one busy core, less disturbed by other processes).
/// The fastest int8 path (Auto) is also timed through the span overload into a reused buffer with B packed
/// once, and on the golden model's batch shape: 64 x 320 x 320, repeated with the same B.
/// </summary>
public static class TensorBenchmark
{
    public static void Run(string[] args)
    {
        var size = args.Length > 0 ? int.Parse(args[0]) : 1024;
        var runs = args.Length > 1 ? int.Parse(args[1]) : 15;
        Console.WriteLine($"tensor-gemm: {Environment.ProcessorCount} cores, Vector<byte> {System.Numerics.Vector<byte>.Count} bytes, AVX-VNNI {Gemm.IsSupported(GemmPath.Vnni)}, AVX2 {Gemm.IsSupported(GemmPath.Avx2)}");
        foreach (var path in new[] { GemmPath.Vnni, GemmPath.Avx2 }.Where(Gemm.IsSupported))
        {
            Int8(path, size, runs);
        }

        Int8Packed(size, size, size, 1, runs);
        Int8Packed(64, 320, 320, 200, runs);

        Int8(GemmPath.Portable, size, runs);
        Int8(GemmPath.Scalar, size / 4, Math.Min(runs, 3));
        Float32(GemmPath.Portable, size, runs);
        Float32(GemmPath.Scalar, size / 4, Math.Min(runs, 3));
    }

    private static void Int8(GemmPath path, int size, int runs)
    {
        var rng = new Random(1);
        var a = new Matrix<sbyte>(size, size);
        var b = new Matrix<sbyte>(size, size);
        rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.Data.AsSpan()));
        rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.Data.AsSpan()));
        Report($"int8 {path}", $"{size}^3", 2.0 * size * size * size, runs, () => Gemm.Multiply(a, b, path));
    }

    // Span overload into one reused buffer, B packed once: m x k x n, `repeat` products per run.
    private static void Int8Packed(int m, int k, int n, int repeat, int runs)
    {
        var rng = new Random(3);
        var a = new sbyte[m * k];
        var b = new sbyte[k * n];
        rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
        rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.AsSpan()));
        var c = new int[m * n];
        var packed = Gemm.Pack(b, k, n);
        Report($"int8 packed", $"{m}x{k}x{n} x{repeat}", 2.0 * m * k * n * repeat, runs, () =>
        {
            for (var r = 0; r < repeat; r++)
            {
                Gemm.Multiply(a, packed, c, m);
            }
        });
    }

    private static void Float32(GemmPath path, int size, int runs)
    {
        var rng = new Random(2);
        var a = new Matrix<float>(size, size);
        var b = new Matrix<float>(size, size);
        for (var i = 0; i < a.Data.Length; i++)
        {
            a.Data[i] = rng.NextSingle() - 0.5f;
            b.Data[i] = rng.NextSingle() - 0.5f;
        }

        Report($"fp32 {path}", $"{size}^3", 2.0 * size * size * size, runs, () => Gemm.Multiply(a, b, path));
    }

    // Wall-clock GOPS (best and median) and GOPS per CPU-second: while other processes share the
    // cores the wall figures drop, the CPU-time figure (per busy core) much less.
    private static void Report(string name, string shape, double ops, int runs, Action multiply)
    {
        multiply();
        var seconds = new double[runs];
        var cpuBefore = Environment.CpuUsage.TotalTime;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            multiply();
            seconds[r] = clock.Elapsed.TotalSeconds;
        }

        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        Array.Sort(seconds);
        Console.WriteLine(
            $"{name,-14} {shape}: best {ops / seconds[0] / 1e9,7:F1} GOPS, median {ops / seconds[runs / 2] / 1e9,7:F1} GOPS " +
            $"({seconds[0] * 1e3:F2} ms best of {runs}); {ops * runs / cpu / 1e9,7:F1} GOPS per CPU-second");
    }
}
