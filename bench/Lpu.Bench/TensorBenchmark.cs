using System.Diagnostics;
using Lpu.Tensors;

namespace Lpu.Bench;

/// <summary>
/// <c>tensor-gemm [size] [runs]</c>: times the reference GEMMs of <see cref="Gemm"/> on each path
/// (square size^3, default 1024; the scalar loop on size/4, since it is ~300x slower) and prints
/// GOPS (2 x M x N x K operations per run): the best and the median of the runs, and the rate per
/// CPU-second of the process (a figure for one busy core, less disturbed by other processes).
/// </summary>
public static class TensorBenchmark
{
    public static void Run(string[] args)
    {
        var size = args.Length > 0 ? int.Parse(args[0]) : 1024;
        var runs = args.Length > 1 ? int.Parse(args[1]) : 15;
        Console.WriteLine($"tensor-gemm: {Environment.ProcessorCount} cores, Vector<byte> {System.Numerics.Vector<byte>.Count} bytes, AVX-VNNI {Gemm.IsSupported(GemmPath.Vnni)}");
        if (Gemm.IsSupported(GemmPath.Vnni))
        {
            Int8(GemmPath.Vnni, size, runs);
        }

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
        Report($"int8 {path}", size, runs, () => Gemm.Multiply(a, b, path));
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

        Report($"fp32 {path}", size, runs, () => Gemm.Multiply(a, b, path));
    }

    // Wall-clock GOPS (best and median) and GOPS per CPU-second: while other processes share the
    // cores the wall figures drop, the CPU-time figure (per busy core) much less.
    private static void Report(string name, int size, int runs, Action multiply)
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
        var ops = 2.0 * size * size * size;
        Console.WriteLine(
            $"{name,-14} {size}^3: best {ops / seconds[0] / 1e9,7:F1} GOPS, median {ops / seconds[runs / 2] / 1e9,7:F1} GOPS " +
            $"({seconds[0] * 1e3:F2} ms best of {runs}); {ops * runs / cpu / 1e9,7:F1} GOPS per CPU-second");
    }
}
