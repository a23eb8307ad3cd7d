using System.Numerics.Tensors;
using Lpu.Tensors;

namespace Lpu.Model.State;

/// <summary>
/// One MXM plane (architecture.md §8): the weight load buffer and its row pointer, the installed
/// VL x VL int8 array, the int32 accumulator rows, and the abc products not yet applied.
/// </summary>
/// <remarks>
/// An abc's product is only observable through the accumulators, so abc only captures its
/// activation vector (<see cref="Capture"/>); the captured vectors are multiplied lazily as one
/// matrix product when their results are needed (<see cref="Settle"/>: an acc or the host reads the
/// accumulators) or before the array they used is replaced (<see cref="Install"/>). The updates
/// are then applied in capture order, each only once its due cycle has come, exactly as if each
/// product had been computed and applied eagerly. A large enough batch starts as soon as the
/// captures make one and is computed beside the simulation (<see cref="ProductWorker"/>); whoever
/// needs its products first waits for it (and helps).
/// </remarks>
internal sealed class MxmPlane
{
    /// <summary>
    /// Products are computed one dot product at a time until the installed array has served this
    /// many MACs (counting the batch at hand), then the array is packed for the matrix kernel and
    /// every later batch uses it. Packing costs about as much as a few products, so counting the
    /// MACs since the install (not per batch) bounds the work wasted either way, also when an acc
    /// after every abc makes each batch a single product.
    /// </summary>
    public const long DefaultBatchMacs = 1 << 18;

    /// <summary>
    /// Batches of at least this many MACs go to the worker by default, rounded up to whole register
    /// tiles of the matrix kernel (six tsp rows with AVX-VNNI or AVX2, about 8 µs of work: several
    /// times what handing one over costs). Smaller batches start sooner and keep the worker busy, but each multiplies its
    /// slice of the array again. Of four, six, eight, 12 and 18 rows, four was the slowest; six and
    /// eight were alike, six with the fastest runs.
    /// </summary>
    public const long DefaultWorkerMacs = 1 << 18;

    private readonly int vectorLength;
    private readonly short[] transposed;    // the array W[k][n] at [n x VL + k], widened, for dot products
    private readonly short[] widened;       // one activation vector widened to 16 bits
    private bool transposedValid;
    private bool weightsShared;            // Weights are the cache's copy: read-only, not to be reused
    private readonly ProductWorker worker;  // computes large batches beside the simulation
    private readonly LiveArrayCache cache;  // the arrays packed lately, shared by the planes
    private readonly Queue<(ProductBatch Batch, long First)> running = new();   // worker batches and their first captures, in order
    private LiveArray? packed;              // the installed array packed for the matrix kernel, once it has served BatchMacs
    private long macsSinceInstall;          // MACs computed with the installed array one dot product at a time
    private long workerMacs;
    private int startRows;                  // captures that make a batch for the worker

    // Pending abc updates, oldest first: captures [head, count), numbered from the reset, held in a
    // ring at Slot(i); [head, computed) have their product, [computed, started) are being computed
    // by the batches in `running` (or were computed here after one of them). A ring, not a list
    // compacted from time to time: those batches write into these arrays, so moving entries would
    // have to wait for them.
    private long[] due = new long[64];
    private int[] row = new int[64];
    private bool[] add = new bool[64];
    private sbyte[] activations;
    private int[] products;
    private long head;
    private long computed;
    private long started;
    private long count;

    public MxmPlane(int vectorLength, int accumulatorRows, ProductWorker worker, LiveArrayCache cache)
    {
        this.vectorLength = vectorLength;
        this.worker = worker;
        this.cache = cache;
        WorkerMacs = DefaultWorkerMacs;
        LoadBuffer = new byte[vectorLength * vectorLength];
        Weights = new sbyte[vectorLength * vectorLength];
        transposed = new short[vectorLength * vectorLength];
        widened = new short[vectorLength];
        Accumulators = new int[accumulatorRows * vectorLength];
        activations = new sbyte[due.Length * vectorLength];
        products = new int[due.Length * vectorLength];
    }

    /// <summary>Load buffer, row-major: <c>[row x VL + column]</c>, int8 bits.</summary>
    public byte[] LoadBuffer { get; }

    public int RowPointer;

    /// <summary>Bumped by every lw write into <see cref="LoadBuffer"/>: a copy taken at one version is current while it is unchanged.</summary>
    public long LoadVersion;

    /// <summary>MACs with one installed array from which it is packed for the matrix kernel (tests set 0 or long.MaxValue).</summary>
    public long BatchMacs = DefaultBatchMacs;

    /// <summary>Batches of at least this many MACs go to the worker, and one starts as soon as the captures make one (tests set 0 or long.MaxValue).</summary>
    public long WorkerMacs
    {
        get => workerMacs;
        set
        {
            workerMacs = value;
            // The fewest captures that reach it, rounded up to the matrix kernel's register tiles (a
            // tsp GEMM ran 10-25% faster with six-row batches than with four, which pad a six-row tile).
            var macsPerRow = (long)vectorLength * vectorLength;
            var rows = (value / macsPerRow) + (value % macsPerRow == 0 ? 0 : 1);
            var tile = Gemm.Int8RowTile();
            startRows = (int)Math.Clamp((rows + tile - 1) / tile * tile, 1, 1 << 24);
        }
    }

    /// <summary>Installed weights W[k][n], row-major at <c>[k x VL + n]</c>.</summary>
    public sbyte[] Weights { get; private set; }

    /// <summary>Accumulator rows <c>[row x VL + n]</c>; call <see cref="Settle"/> before reading them.</summary>
    public int[] Accumulators { get; }

    /// <summary>Issue cycle of the last iw (abc may not issue in (t, t + SL + 2)); long.MinValue if none.</summary>
    public long LastInstall = long.MinValue;

    /// <summary>abc updates captured and not yet applied.</summary>
    public int Pending => (int)(count - head);

    public void Reset()
    {
        FinishRunning();
        Array.Clear(LoadBuffer);
        if (weightsShared)
            Weights = new sbyte[vectorLength * vectorLength];
        else
            Array.Clear(Weights);
        weightsShared = false;
        Array.Clear(Accumulators);
        transposedValid = false;
        packed = null;
        macsSinceInstall = 0;
        RowPointer = 0;
        LoadVersion = 0;
        LastInstall = long.MinValue;
        head = computed = started = count = 0;
    }

    /// <summary>
    /// An abc multiplies activation <paramref name="x"/> now with the installed array: accumulator
    /// <paramref name="accumulatorRow"/> becomes r (or row + r when <paramref name="accumulate"/>)
    /// from cycle <paramref name="dueCycle"/> on. Captures must come in due order.
    /// </summary>
    public void Capture(long dueCycle, int accumulatorRow, bool accumulate, ReadOnlySpan<sbyte> x)
    {
        if (count - head == due.Length)
            Grow();
        var slot = Slot(count++);
        due[slot] = dueCycle;
        row[slot] = accumulatorRow;
        add[slot] = accumulate;
        x.CopyTo(activations.AsSpan(slot * vectorLength, vectorLength));
        if (count - started >= startRows)
            StartPending();
    }

    /// <summary>
    /// Makes accumulator row <paramref name="accumulatorRow"/> hold its value of cycle
    /// <paramref name="cycle"/>: settles the plane if an update of that row is due by then. Rows are
    /// independent, so updates of other rows may stay pending (they are applied in order later).
    /// </summary>
    public void SettleRow(long cycle, int accumulatorRow)
    {
        for (var i = head; i < count && due[Slot(i)] <= cycle; i++)
        {
            if (row[Slot(i)] == accumulatorRow)
            {
                Settle(cycle);
                return;
            }
        }
    }

    /// <summary>
    /// Row <paramref name="accumulatorRow"/> as an acc issued at <paramref name="cycle"/> reads it,
    /// superlane k in cycle + k: column n gets its value of cycle + n / <paramref name="lanes"/>.
    /// Updates due after <paramref name="cycle"/> are applied to <paramref name="values"/> only, not
    /// to the row: a wave-ordered run reads the next instruction's superlane 0 earlier than this
    /// one's last superlane.
    /// </summary>
    public void ReadRowAcross(long cycle, int accumulatorRow, int lanes, Span<int> values)
    {
        SettleRow(cycle, accumulatorRow);
        var vl = vectorLength;
        Accumulators.AsSpan(accumulatorRow * vl, vl).CopyTo(values);
        var last = cycle + (vl / lanes) - 1;
        for (var i = head; i < count && due[Slot(i)] <= last; i++)
        {
            var slot = Slot(i);
            if (row[slot] != accumulatorRow || due[slot] <= cycle)
                continue;
            if (i >= computed)
                ComputePending(i + 1);
            var start = (int)(due[slot] - cycle) * lanes;
            Apply(slot, start, values[start..vl]);
        }
    }

    /// <summary>Applies every pending update due at or before <paramref name="cycle"/>, computing products as needed.</summary>
    public void Settle(long cycle)
    {
        if (head == count || due[Slot(head)] > cycle)
            return;
        // Products are computed only when an update due now has none. Then every capture so far is
        // started (an acc per cycle would otherwise make one-row batches), but only the batches up to
        // the last update due are awaited.
        var end = head;
        while (end < count && due[Slot(end)] <= cycle)
            end++;
        if (end > computed)
            ComputePending(end);
        for (; head < end; head++)
        {
            var slot = Slot(head);
            Apply(slot, 0, Accumulators.AsSpan(row[slot] * vectorLength, vectorLength));
        }
    }

    /// <summary>Sets or adds columns [start, VL) of the product in <paramref name="slot"/> into <paramref name="target"/>.</summary>
    private void Apply(int slot, int start, Span<int> target)
    {
        var r = products.AsSpan((slot * vectorLength) + start, vectorLength - start);
        if (add[slot])
            TensorPrimitives.Add(target, r, target);   // wraps, as the accumulators do
        else
            r.CopyTo(target);
    }

    /// <summary>
    /// Makes <paramref name="weights"/> (row-major, VL x VL) the array; returns the old array's
    /// buffer for reuse, or null when it was <paramref name="shared"/> (the cache's copy).
    /// </summary>
    public sbyte[]? Install(sbyte[] weights, bool shared)
    {
        // The pending abc's multiplied with the array being replaced.
        StartPending();
        var old = weightsShared ? null : Weights;
        Weights = weights;
        weightsShared = shared;
        transposedValid = false;
        packed = null;
        macsSinceInstall = 0;
        return old;
    }

    /// <summary>
    /// Makes the products of captures [head, <paramref name="needed"/>) available: starts every
    /// capture as a batch, then finishes the batches up to there. Later batches stay with the
    /// worker, which would otherwise run dry while this thread computes them.
    /// </summary>
    private void ComputePending(long needed)
    {
        StartPending();
        FinishRunning(needed);
    }

    /// <summary>Finishes the running batches that hold a capture before <paramref name="needed"/> (all by default).</summary>
    private void FinishRunning(long needed = long.MaxValue)
    {
        while (running.Count > 0 && running.Peek().First < needed)
            running.Dequeue().Batch.Finish();
        computed = running.Count > 0 ? running.Peek().First : started;
    }

    /// <summary>
    /// Starts the products of every capture not started yet (all used the installed array): one dot
    /// product at a time until the array has served <see cref="BatchMacs"/>, then with the packed
    /// array, on the worker when the batch is large enough.
    /// </summary>
    private void StartPending()
    {
        while (started < count)
        {
            // One run of slots at a time: a batch is contiguous in the arrays.
            var first = Slot(started);
            var m = (int)Math.Min(count - started, due.Length - first);
            if (Start(first, m) is { } batch)
                running.Enqueue((batch, started));
            started += m;
        }

        if (running.Count == 0)
            computed = started;
    }

    /// <summary>Computes the products of m captures from slot <paramref name="first"/> here, or starts them on the worker and returns the batch.</summary>
    private ProductBatch? Start(int first, int m)
    {
        var vl = vectorLength;
        var x = activations.AsSpan(first * vl, m * vl);
        var r = products.AsSpan(first * vl, m * vl);
        var macs = (long)m * vl * vl;
        if (packed is not null || macsSinceInstall + macs >= BatchMacs)
        {
            packed ??= cache.Get(Weights, vl);
            // Only the live block is multiplied: an all-zero array's batch is just cleared here.
            if ((long)m * packed.LiveMacsPerRow >= workerMacs)
                return worker.Start(packed, activations, products, first, m);
            packed.Multiply(x, r, m);
            return null;
        }

        macsSinceInstall += macs;
        EnsureTransposed();
        for (var i = 0; i < m; i++)
        {
            var xi = x.Slice(i * vl, vl);
            for (var k = 0; k < vl; k++)
                widened[k] = xi[k];
            for (var n = 0; n < vl; n++)
                r[(i * vl) + n] = Gemv.Dot(widened, transposed.AsSpan(n * vl, vl));
        }

        return null;
    }

    private void EnsureTransposed()
    {
        if (transposedValid)
            return;
        var vl = vectorLength;
        for (var k = 0; k < vl; k++)
        {
            for (var n = 0; n < vl; n++)
                transposed[(n * vl) + k] = Weights[(k * vl) + n];
        }

        transposedValid = true;
    }

    private int Slot(long capture) => (int)(capture & (due.Length - 1));

    // Doubles the ring when every slot is pending, moving each capture to its slot in the new one.
    private void Grow()
    {
        FinishRunning();   // the batches write into the arrays replaced here
        var vl = vectorLength;
        var capacity = 2 * due.Length;
        var (oldDue, oldRow, oldAdd, oldActivations, oldProducts) = (due, row, add, activations, products);
        var oldMask = oldDue.Length - 1;
        due = new long[capacity];
        row = new int[capacity];
        add = new bool[capacity];
        activations = new sbyte[capacity * vl];
        products = new int[capacity * vl];
        for (var i = head; i < count; i++)
        {
            int from = (int)(i & oldMask), to = Slot(i);
            due[to] = oldDue[from];
            row[to] = oldRow[from];
            add[to] = oldAdd[from];
            oldActivations.AsSpan(from * vl, vl).CopyTo(activations.AsSpan(to * vl, vl));
            oldProducts.AsSpan(from * vl, vl).CopyTo(products.AsSpan(to * vl, vl));
        }
    }
}
