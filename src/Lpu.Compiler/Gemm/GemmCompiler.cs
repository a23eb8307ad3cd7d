using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Architecture.Programs;
using Lpu.Compiler.Scheduling;

namespace Lpu.Compiler.Gemm;

/// <summary>
/// Compiles C = A x B (int8 in, int32 out) of any M x K x N into an LPU program that keeps every
/// MXM plane of the configuration busy.
/// <para>
/// Tiling: K and N are cut into vector-length tiles (zero-padded); rows of A are cut into chunks of
/// at most <c>mxm.accumulators</c> rows (any number with one K-tile), sized so the jobs fill the
/// planes evenly. The jobs (row chunk, N-tile) are dealt to the planes a wave at a time
/// (<see cref="GemmLayout"/>). All planes run in lockstep, one <em>step</em> per K-tile: each
/// installs its weight tile with <c>iw</c>, then its chunk's activation rows stream in with one
/// <c>abc</c> per cycle, accumulating over K-tiles; after the last K-tile each accumulator row goes
/// out with <c>acc</c> and four slices write its byte planes.
/// </para>
/// <para>
/// West planes sit at position 0 and read westward streams, east planes at 2M + 4 and read eastward
/// ones, so each hemisphere feeds its own planes: its weight slices (one stream each, at most S/2
/// rows per <c>lw</c>), taken in turn by the side's planes while the previous step's activations
/// stream; one activation read per chunk shared by the side's planes; results flowing back towards
/// the VXM into slices of the same hemisphere (or of the other one when it has no plane). A value
/// must survive only between its producer and its consumer, and in each direction those stretches
/// of different sides never overlap (westward: west operands west of the VXM, east results east of
/// it), so a value flowing on past its consumer overwrites nothing that is still needed; no slice
/// both reads and writes. The next step's <c>iw</c> issues in the cycle of
/// the last <c>abc</c> (allowed: §3 forbids abc only strictly inside the busy window), so a plane
/// idles SL + 1 cycles per weight tile.
/// </para>
/// <para>
/// Every issue cycle follows from architecture.md §3: a producer at distance j upstream of its
/// consumer issues d + j cycles earlier.
/// </para>
/// </summary>
public static class GemmCompiler
{
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
        var planes = config.Mxm.Planes;
        if (planes < 1)
            throw new ArgumentException("this configuration has no MXM (mxm.planes = 0): it cannot run a GEMM", nameof(config));
        if (m < 4)
            throw new ArgumentException($"the GEMM schedule needs at least 4 MEM slices per hemisphere (one per int32 byte plane), the configuration has {m}", nameof(config));
        if (s < 4)
            throw new ArgumentException($"the GEMM schedule needs at least 4 streams per direction (an int32 result spans 4), the configuration has {s}", nameof(config));

        var work = new GemmLayout(shape, config.VectorLength, ChooseChunkRows(config, shape), planes, []);
        var west = Enumerable.Range(0, config.Mxm.WestPlanes).ToArray();
        var east = Enumerable.Range(config.Mxm.WestPlanes, planes - config.Mxm.WestPlanes).ToArray();
        var sides = new List<GemmSide> { PlanSide(config, work, Hemisphere.West, west, resultsAtHome: east.Length > 0) };
        if (east.Length > 0)
            sides.Add(PlanSide(config, work, Hemisphere.East, east, resultsAtHome: true));
        var layout = work with { Sides = sides };

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

    /// <summary>
    /// Rows per chunk. A chunk accumulates over the K-tiles, so it holds at most
    /// <c>mxm.accumulators</c> rows; with a single K-tile nothing accumulates across tiles and the
    /// accumulator rows are reused in turn (row j in j mod accumulators: its <c>acc</c> reads the
    /// last superlane at abc + 2 SL + 1, before abc j + accumulators lands at abc + accumulators +
    /// SL + 2 when accumulators &gt;= SL). Among the chunk counts allowed, the one with the fewest
    /// estimated cycles: waves x K-tiles x step, a step being the chunk's rows plus the install
    /// window, or the west planes' weight loads if longer. Fewer chunks win ties.
    /// </summary>
    private static int ChooseChunkRows(LpuConfig config, GemmShape shape)
    {
        var vl = config.VectorLength;
        var kTiles = (shape.K + vl - 1) / vl;
        var nTiles = (shape.N + vl - 1) / vl;
        var accumulators = config.Mxm.Accumulators;
        var cap = kTiles == 1 && accumulators >= config.Superlanes ? shape.M : Math.Min(accumulators, shape.M);
        var rowsPerLoad = Math.Min(config.StreamsPerDirection / 2, vl);
        var loads = (config.Mxm.WestPlanes * ((vl + rowsPerLoad - 1) / rowsPerLoad)) + 1;

        var best = cap;
        var bestCost = long.MaxValue;
        for (var chunks = (shape.M + cap - 1) / cap; chunks <= shape.M; chunks++)
        {
            var rows = (shape.M + chunks - 1) / chunks;
            if ((shape.M + rows - 1) / rows != chunks)
                continue;
            var waves = (((long)chunks * nTiles) + config.Mxm.Planes - 1) / config.Mxm.Planes;
            var cost = waves * kTiles * Math.Max(rows + config.Superlanes + 1, loads);
            if (cost < bestCost)
                (best, bestCost) = (rows, cost);
        }

        return best;
    }

    /// <summary>
    /// Slices of one hemisphere, counted from the MXM end (the shortest trips): weight slices, then
    /// one activation slice per row chunk the side's planes work on at once, then four result slices
    /// per plane. With <paramref name="resultsAtHome"/> false (the other hemisphere has no plane)
    /// results go to the other hemisphere's slices next to the VXM, leaving room for weight slices.
    /// </summary>
    private static GemmSide PlanSide(LpuConfig config, GemmLayout work, Hemisphere side, int[] planes, bool resultsAtHome)
    {
        var m = config.Mem.SlicesPerHemisphere;
        var s = config.StreamsPerDirection;
        var copies = Enumerable.Range(0, work.Waves)
            .Max(w => work.JobsOf(w).Where(j => planes.Contains(j.Plane)).Select(j => j.Chunk).Distinct().Count());
        copies = Math.Max(copies, 1);
        var resultSlices = 4 * planes.Length;
        if (resultSlices > s)
            throw new ArgumentException($"the GEMM schedule needs 4 streams per MXM plane for results, {resultSlices} for the {side.ToString().ToLowerInvariant()} planes; the configuration has {s} per direction", nameof(config));

        var rows = Math.Min(Math.Min(s / 2, s - copies), config.VectorLength);
        rows = Math.Min(rows, m - copies - (resultsAtHome ? resultSlices : 0));
        if (rows < 1)
        {
            throw new ArgumentException(
                $"the GEMM schedule needs at least {copies + 1 + resultSlices} MEM slices per hemisphere for {planes.Length} MXM plane(s) on a side " +
                $"(activations, weights, 4 result slices per plane), the configuration has {m}", nameof(config));
        }

        var home = side == Hemisphere.West ? 0 : m;
        var away = side == Hemisphere.West ? m : 0;
        var next = m - 1;
        int[] Take(int count)
        {
            var taken = Enumerable.Range(0, count).Select(i => home + next - i).ToArray();
            next -= count;
            return taken;
        }

        var weights = Take(rows);
        var activations = Take(copies);
        var results = resultsAtHome
            ? planes.Select(_ => (IReadOnlyList<int>)Take(4)).ToArray()
            : planes.Select((_, i) => (IReadOnlyList<int>)[.. Enumerable.Range(away + (4 * i), 4)]).ToArray();
        return new GemmSide(side, planes, weights, activations, results);
    }

    /// <summary>Places every instruction; returns the issue cycle of the last result write.</summary>
    private static long Schedule(LpuConfig config, Floorplan floorplan, GemmLayout layout, QueueTimeline timeline)
    {
        var readLatency = InstructionSet.ByMnemonic("read")!.Latency!.Of(config);
        var install = InstructionSet.ByMnemonic("iw")!.Latency!.Of(config);   // busy window of iw
        var memQueues = floorplan.Queues.Where(q => q.GlobalSlice >= 0).ToDictionary(q => q.GlobalSlice, q => q.Name);
        int Distance(int slice, int plane) => Math.Abs(floorplan.SlicePosition(slice) - floorplan.MxmPosition(plane));

        long lastIw = -1;              // the next weights may load only after the previous iw
        long lastAbc = long.MinValue;  // the array may be replaced from this cycle on
        long lastWrite = 0;
        for (var wave = 0; wave < layout.Waves; wave++)
        {
            var jobs = layout.JobsOf(wave);
            for (var kt = 0; kt < layout.KTiles; kt++)
            {
                // Each side's planes load one after the other on the side's weight streams.
                var loadStart = lastIw + 1;
                var loadEnd = loadStart;
                foreach (var side in layout.Sides)
                {
                    var sideJobs = jobs.Where(j => side.Planes.Contains(j.Plane)).ToArray();
                    var loads = (layout.ValidRows(kt) + side.WeightSlices.Count - 1) / side.WeightSlices.Count;
                    for (var i = 0; i < sideJobs.Length; i++)
                        PlaceLoads(timeline, layout, side, sideJobs[i], kt, loadStart + (i * loads), readLatency, memQueues, Distance);
                    loadEnd = Math.Max(loadEnd, loadStart + (sideJobs.Length * loads));
                }

                var iw = Math.Max(loadEnd, lastAbc);
                var firstAbc = iw + install;
                foreach (var side in layout.Sides)
                {
                    var sideJobs = jobs.Where(j => side.Planes.Contains(j.Plane)).ToArray();
                    var chunks = sideJobs.Select(j => j.Chunk).Distinct().ToList();
                    foreach (var job in sideJobs)
                    {
                        timeline.Place($"mxm.{job.Plane}.w", iw, Instruction.Create("iw"));
                        var stream = Toward(side, side.WeightSlices.Count + chunks.IndexOf(job.Chunk));
                        for (var j = 0; j < layout.RowsOf(job.Chunk); j++)
                        {
                            timeline.Place($"mxm.{job.Plane}.a", firstAbc + j, Instruction.Create("abc", stream, j % config.Mxm.Accumulators, kt > 0));
                            if (kt == layout.KTiles - 1)
                                lastWrite = Math.Max(lastWrite, PlaceResult(config, timeline, layout, side, job, firstAbc + j, j, memQueues, Distance));
                        }
                    }

                    // One activation read per chunk feeds every plane of the side working on it.
                    for (var c = 0; c < chunks.Count; c++)
                    {
                        var slice = side.ActivationSlices[c];
                        var stream = Toward(side, side.WeightSlices.Count + c);
                        for (var j = 0; j < layout.RowsOf(chunks[c]); j++)
                        {
                            var address = layout.ActivationAddress((chunks[c] * layout.ChunkRows) + j, kt);
                            timeline.Place(memQueues[slice], firstAbc + j - readLatency - Distance(slice, side.Planes[0]), Instruction.Create("read", address, stream));
                        }
                    }
                }

                lastAbc = firstAbc + jobs.Max(j => layout.RowsOf(j.Chunk)) - 1;
                lastIw = iw;
            }
        }

        return lastWrite;
    }

    /// <summary>Streams carrying operands towards a side's planes: westward for the west planes.</summary>
    private static StreamRef Toward(GemmSide side, int index) =>
        side.Hemisphere == Hemisphere.West ? StreamRef.West(index) : StreamRef.East(index);

    /// <summary>Streams carrying results away from a side's planes.</summary>
    private static StreamRef Away(GemmSide side, int index) =>
        side.Hemisphere == Hemisphere.West ? StreamRef.East(index) : StreamRef.West(index);

    /// <summary>The <c>lw</c>s of one weight tile from <paramref name="start"/> on, and the reads that feed them.</summary>
    private static void PlaceLoads(QueueTimeline timeline, GemmLayout layout, GemmSide side, GemmJob job, int kt, long start, int readLatency,
        Dictionary<int, string> memQueues, Func<int, int, int> distance)
    {
        var perLoad = side.WeightSlices.Count;
        var valid = layout.ValidRows(kt);

        // Rows past K are not loaded: they meet only zero-padded activation lanes.
        for (var i = 0; i * perLoad < valid; i++)
        {
            var lw = start + i;
            var n = Math.Min(perLoad, valid - (i * perLoad));
            timeline.Place($"mxm.{job.Plane}.w", lw, Instruction.Create("lw", Toward(side, 0), n));
            for (var r = 0; r < n; r++)
            {
                var (slice, address) = layout.WeightWord(side, kt, job.NTile, (i * perLoad) + r);
                timeline.Place(memQueues[slice], lw - readLatency - distance(slice, job.Plane), Instruction.Create("read", address, Toward(side, r)));
            }
        }
    }

    /// <summary><c>acc</c> of one row and the four byte-plane writes it feeds; returns the last write's cycle.</summary>
    private static long PlaceResult(LpuConfig config, QueueTimeline timeline, GemmLayout layout, GemmSide side, GemmJob job, long abc, int row,
        Dictionary<int, string> memQueues, Func<int, int, int> distance)
    {
        var accLatency = InstructionSet.ByMnemonic("acc")!.Latency!.Of(config);
        var acc = abc + InstructionSet.ByMnemonic("abc")!.Latency!.Of(config) + 1;
        var index = IndexOf(side.Planes, job.Plane);
        var m = (job.Chunk * layout.ChunkRows) + row;
        timeline.Place($"mxm.{job.Plane}.c", acc, Instruction.Create("acc", row % config.Mxm.Accumulators, Away(side, 4 * index)));
        long last = 0;
        for (var b = 0; b < 4; b++)
        {
            var slice = side.ResultSlices[index][b];
            var write = acc + accLatency + distance(slice, job.Plane);
            timeline.Place(memQueues[slice], write, Instruction.Create("write", layout.ResultAddress(m, job.NTile), Away(side, (4 * index) + b)));
            last = Math.Max(last, write);
        }

        return last;
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
                return i;
        }

        throw new InvalidOperationException($"{value} is not in the list");
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

        foreach (var slice in layout.Sides.SelectMany(s => s.ActivationSlices))
            builder.Data(slice, 0, activation);

        foreach (var side in layout.Sides)
        {
            var words = layout.KTiles * layout.NTiles * layout.WeightWordsPerTile(side);
            var weights = side.WeightSlices.ToDictionary(s => s, _ => new byte[words * vl]);
            for (var kk = 0; kk < k; kk++)
            {
                for (var nn = 0; nn < n; nn++)
                {
                    var (slice, address) = layout.WeightWord(side, kk / vl, nn / vl, kk % vl);
                    weights[slice][(address * vl) + (nn % vl)] = (byte)b[(kk * n) + nn];
                }
            }

            foreach (var slice in side.WeightSlices)
                builder.Data(slice, 0, weights[slice]);
        }
    }
}
