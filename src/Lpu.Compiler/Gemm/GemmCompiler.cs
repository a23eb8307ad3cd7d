using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;
using Lpu.Compiler.Scheduling;

namespace Lpu.Compiler.Gemm;

/// <summary>
/// Compiles C = A x B (int8 in, int32 out) of any M x K x N into an LPU program for MXM plane 0.
/// <para>
/// Tiling: K and N are cut into vector-length tiles (zero-padded); rows of A are processed in
/// chunks of <c>mxm.accumulators</c>. For every (N-tile, row chunk, K-tile) step the weight tile
/// is loaded with <c>lw</c> from the weight slices (one westward stream each), installed with
/// <c>iw</c>, and the chunk's activation rows stream in with one <c>abc</c> per cycle from the
/// activation slice, accumulating over K-tiles. After the last K-tile each accumulator row goes
/// out with <c>acc</c> on e0..e3 and four east slices write its byte planes. The next step's
/// weights load while the current step's activations stream, so the plane idles only for the
/// install (SL + 2 cycles) between steps.
/// </para>
/// <para>
/// Every issue cycle follows from architecture.md §3: a producer at distance j upstream of its
/// consumer issues d + j cycles earlier.
/// </para>
/// </summary>
public static class GemmCompiler
{
    private const int Plane = 0;

    /// <summary>
    /// Compiles the product of <paramref name="a"/> (row-major M x K) and <paramref name="b"/>
    /// (row-major K x N) for <paramref name="config"/>. An <see cref="ArgumentException"/> says why a
    /// configuration cannot run it (no MXM, too few slices or streams, operands too large).
    /// </summary>
    public static CompiledGemm Compile(LpuConfig config, GemmShape shape, ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (shape.M < 1 || shape.K < 1 || shape.N < 1)
            throw new ArgumentException($"GEMM sizes must be positive, got {shape}", nameof(shape));
        if (a.Length != shape.M * shape.K)
            throw new ArgumentException($"A must hold M x K = {shape.M * shape.K} values, got {a.Length}", nameof(a));
        if (b.Length != shape.K * shape.N)
            throw new ArgumentException($"B must hold K x N = {shape.K * shape.N} values, got {b.Length}", nameof(b));

        var layout = Plan(config, shape);
        var floorplan = new Floorplan(config);
        var timeline = new QueueTimeline();
        var lastWrite = Schedule(config, floorplan, layout, timeline);

        var builder = new ProgramBuilder(config);
        var offset = -timeline.FirstCycle;
        timeline.EmitTo(builder, offset);
        AddOperands(builder, layout, a, b);
        var program = builder.Build();
        CheckQueueDepth(program, shape);
        return new CompiledGemm(program, layout, lastWrite + offset + 1);
    }

    /// <summary>Chooses slices and checks that the configuration can hold and run the product.</summary>
    public static GemmLayout Plan(LpuConfig config, GemmShape shape)
    {
        var m = config.Mem.SlicesPerHemisphere;
        var s = config.StreamsPerDirection;
        if (config.Mxm.Planes < 1)
            throw new ArgumentException("this configuration has no MXM (mxm.planes = 0): it cannot run a GEMM", nameof(config));
        if (m < 4)
            throw new ArgumentException($"the GEMM schedule needs at least 4 MEM slices per hemisphere (one per int32 byte plane), the configuration has {m}", nameof(config));
        if (s < 4)
            throw new ArgumentException($"the GEMM schedule needs at least 4 streams per direction (an int32 result spans 4), the configuration has {s}", nameof(config));

        // West slice 0 (next to the VXM) streams activations; slices 1.. stream weight rows, one
        // stream each, as many as one lw can take (S/2). East slices 0..3 write C's byte planes.
        // Rows per lw divide VL, so every lw of a tile is the same instruction and one repeat.
        var maxRows = Math.Min(Math.Min(s / 2, m - 1), config.VectorLength);
        var weightSlices = Enumerable.Range(1, maxRows).Last(n => config.VectorLength % n == 0);
        var layout = new GemmLayout(shape, config.VectorLength, 0,
            [.. Enumerable.Range(1, weightSlices)], [.. Enumerable.Range(m, 4)]);

        var words = config.Mem.WordsPerTile;
        var (activation, weight, result) = layout.WordsUsed;
        if (activation > words)
            throw new ArgumentException($"A needs {activation} words (M x ceil(K/{config.VectorLength})) in one slice; a slice has {words}", nameof(shape));
        if (weight > words)
            throw new ArgumentException($"B needs {weight} words per weight slice; a slice has {words}", nameof(shape));
        if (result > words)
            throw new ArgumentException($"C needs {result} words (M x ceil(N/{config.VectorLength})) per result slice; a slice has {words}", nameof(shape));
        return layout;
    }

    /// <summary>Places every instruction; returns the issue cycle of the last result write.</summary>
    private static long Schedule(LpuConfig config, Floorplan floorplan, GemmLayout layout, QueueTimeline timeline)
    {
        var sl = config.Superlanes;
        var vl = config.VectorLength;
        var readLatency = InstructionSet.ByMnemonic("read")!.Latency!.Of(config);
        var accLatency = InstructionSet.ByMnemonic("acc")!.Latency!.Of(config);
        var install = InstructionSet.ByMnemonic("iw")!.Latency!.Of(config);   // busy window of iw
        var abcToAcc = InstructionSet.ByMnemonic("abc")!.Latency!.Of(config) + 1;
        var planePosition = floorplan.MxmPosition(Plane);
        var rowsPerLoad = layout.WeightSlices.Count;
        var loadsPerTile = layout.WeightWordsPerTile;
        var activationStream = StreamRef.West(rowsPerLoad);
        var chunkRows = config.Mxm.Accumulators;
        string Mem(int slice) => floorplan.Queues.First(q => q.GlobalSlice == slice).Name;
        int Distance(int slice) => Math.Abs(floorplan.SlicePosition(slice) - planePosition);

        long cursor = 0;               // earliest cycle for the next lw
        long lastAbc = long.MinValue;  // the array may be replaced only after this
        long lastWrite = 0;
        for (var nt = 0; nt < layout.NTiles; nt++)
        {
            for (var row0 = 0; row0 < layout.Shape.M; row0 += chunkRows)
            {
                var rows = Math.Min(chunkRows, layout.Shape.M - row0);
                for (var kt = 0; kt < layout.KTiles; kt++)
                {
                    for (var i = 0; i < loadsPerTile; i++)
                    {
                        var lw = cursor + i;
                        var n = Math.Min(rowsPerLoad, vl - (i * rowsPerLoad));
                        timeline.Place($"mxm.{Plane}.w", lw, Instruction.Create("lw", StreamRef.West(0), n));
                        for (var r = 0; r < n; r++)
                        {
                            var (slice, address) = layout.WeightWord(kt, nt, (i * rowsPerLoad) + r);
                            timeline.Place(Mem(slice), lw - readLatency - Distance(slice), Instruction.Create("read", address, StreamRef.West(r)));
                        }
                    }

                    var iw = Math.Max(cursor + loadsPerTile, lastAbc == long.MinValue ? 0 : lastAbc + 1);
                    timeline.Place($"mxm.{Plane}.w", iw, Instruction.Create("iw"));
                    var firstAbc = iw + install;
                    for (var j = 0; j < rows; j++)
                    {
                        var abc = firstAbc + j;
                        var m = row0 + j;
                        timeline.Place($"mxm.{Plane}.a", abc, Instruction.Create("abc", activationStream, j, kt > 0));
                        timeline.Place(Mem(layout.ActivationSlice), abc - readLatency - Distance(layout.ActivationSlice),
                            Instruction.Create("read", layout.ActivationAddress(m, kt), activationStream));
                        if (kt == layout.KTiles - 1)
                            lastWrite = Math.Max(lastWrite, PlaceResult(timeline, layout, abc + abcToAcc, j, m, nt, accLatency, Mem, Distance));
                    }

                    lastAbc = firstAbc + rows - 1;
                    cursor = iw + 1;
                }
            }
        }

        return lastWrite;
    }

    /// <summary><c>acc</c> of one row and the four byte-plane writes it feeds; returns the last write's cycle.</summary>
    private static long PlaceResult(QueueTimeline timeline, GemmLayout layout, long acc, int row, int m, int nt, int accLatency,
        Func<int, string> mem, Func<int, int> distance)
    {
        timeline.Place($"mxm.{Plane}.c", acc, Instruction.Create("acc", row, StreamRef.East(0)));
        long last = 0;
        for (var plane = 0; plane < 4; plane++)
        {
            var slice = layout.ResultSlices[plane];
            var write = acc + accLatency + distance(slice);
            timeline.Place(mem(slice), write, Instruction.Create("write", layout.ResultAddress(m, nt), StreamRef.East(plane)));
            last = Math.Max(last, write);
        }

        return last;
    }

    private static void CheckQueueDepth(LpuProgram program, GemmShape shape)
    {
        var depth = program.Config.Icu.QueueDepth;
        var deepest = program.Floorplan.Queues.MaxBy(q => program.Queues[q.Index].Count)!;
        var count = program.Queues[deepest.Index].Count;
        if (count > depth)
            throw new ArgumentException($"the {shape} GEMM needs {count} instructions in queue {deepest.Name}, more than icu.queueDepth = {depth}: split the product", nameof(shape));
    }

    /// <summary>A and B as initial SRAM contents, tiled and zero-padded as <see cref="GemmLayout"/> says.</summary>
    private static void AddOperands(ProgramBuilder builder, GemmLayout layout, ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var vl = layout.VectorLength;
        var (k, n) = (layout.Shape.K, layout.Shape.N);

        var activation = new byte[layout.WordsUsed.Activation * vl];
        for (var m = 0; m < layout.Shape.M; m++)
        {
            for (var kk = 0; kk < k; kk++)
                activation[(layout.ActivationAddress(m, kk / vl) * vl) + (kk % vl)] = (byte)a[(m * k) + kk];
        }

        builder.Data(layout.ActivationSlice, 0, activation);

        var weights = layout.WeightSlices.ToDictionary(s => s, _ => new byte[layout.WordsUsed.Weight * vl]);
        for (var kk = 0; kk < k; kk++)
        {
            for (var nn = 0; nn < n; nn++)
            {
                var (slice, address) = layout.WeightWord(kk / vl, nn / vl, kk % vl);
                weights[slice][(address * vl) + (nn % vl)] = (byte)b[(kk * n) + nn];
            }
        }

        foreach (var slice in layout.WeightSlices)
            builder.Data(slice, 0, weights[slice]);
    }
}
