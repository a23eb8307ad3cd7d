using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Lpu.Tensors;

namespace Lpu.Model.State;

/// <summary>
/// Computes MXM products off the simulation thread, so that a large model uses a second core while
/// it simulates. Batches run in the order started, a block of rows at a time: one thread-pool
/// worker takes blocks while there are any, and a thread that needs a batch finished takes the
/// batch's remaining blocks itself rather than wait idle (so a busy pool only costs the overlap),
/// then, while the worker finishes its last block, blocks of later batches.
/// A row's product depends only on its activations and the array, so which thread computes which
/// block does not change the result.
/// </summary>
internal sealed class ProductWorker
{
    private readonly ConcurrentQueue<ProductBatch> queue = new();
    private int working;   // 1 while a pool work item runs (at most one)

    /// <summary>Starts r = x W for <paramref name="rows"/> activations from row <paramref name="first"/> of the arrays; the rows must not change until <see cref="ProductBatch.Finish"/>.</summary>
    public ProductBatch Start(LiveArray array, sbyte[] activations, int[] products, int first, int rows)
    {
        var batch = new ProductBatch(this, array, activations, products, first, rows);
        queue.Enqueue(batch);
        if (Interlocked.CompareExchange(ref working, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static w => w.Work(), this, preferLocal: false);
        return batch;
    }

    /// <summary>Computes one block of the oldest batch with blocks nobody has taken; false if there is none.</summary>
    public bool HelpOne() => queue.TryPeek(out var batch) && batch.RunBlock();

    private void Work()
    {
        while (true)
        {
            // Only this work item dequeues; a batch leaves the queue once all its blocks are taken.
            while (queue.TryPeek(out var batch))
            {
                if (!batch.RunBlock())
                    queue.TryDequeue(out _);
            }

            Volatile.Write(ref working, 0);
            // A batch started between the last peek and the write above found working = 1: take it.
            if (queue.IsEmpty || Interlocked.CompareExchange(ref working, 1, 0) != 0)
                return;
        }
    }
}

/// <summary>Rows [first, first + rows) of an activation array multiplied with one installed array, in blocks any thread may take.</summary>
internal sealed class ProductBatch
{
    private const int BlockRows = 8;

    private readonly ProductWorker worker;
    private readonly LiveArray array;
    private readonly sbyte[] activations;
    private readonly int[] products;
    private readonly int first;
    private readonly int rows;
    private readonly int blocks;
    private int taken;
    private int done;
    private Exception? failure;

    public ProductBatch(ProductWorker worker, LiveArray array, sbyte[] activations, int[] products, int first, int rows)
    {
        this.worker = worker;
        this.array = array;
        this.activations = activations;
        this.products = products;
        this.first = first;
        this.rows = rows;
        blocks = (rows + BlockRows - 1) / BlockRows;
    }

    /// <summary>Returns once every row is computed, computing the blocks nobody has taken (and, while waiting, other batches' blocks).</summary>
    public void Finish()
    {
        while (RunBlock())
        {
        }

        // While another thread computes the last blocks, compute later batches' rather than spin.
        var spin = default(SpinWait);
        while (Volatile.Read(ref done) != blocks)
        {
            if (!worker.HelpOne())
                spin.SpinOnce(sleep1Threshold: -1);
        }

        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Computes the next block nobody has taken; false when all are taken.</summary>
    public bool RunBlock()
    {
        var block = Interlocked.Increment(ref taken) - 1;
        if (block >= blocks)
            return false;
        try
        {
            var row = first + (block * BlockRows);
            var m = Math.Min(BlockRows, first + rows - row);
            var vl = array.VectorLength;
            array.Multiply(activations.AsSpan(row * vl, m * vl), products.AsSpan(row * vl, m * vl), m);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref failure, e, null);
        }

        Interlocked.Increment(ref done);
        return true;
    }
}

/// <summary>
/// An installed VL x VL array packed for the matrix kernel, keeping only the block outside of
/// which it is zero (a GEMM's last K and N tiles are padded with zeros): the products there are
/// exactly zero and need no multiplying. Immutable, so any thread may multiply with it.
/// </summary>
internal sealed class LiveArray
{
    private readonly Int8PackedMatrix packed;
    private readonly int liveRows;
    private readonly int liveCols;

    public LiveArray(ReadOnlySpan<sbyte> weights, int vectorLength)
    {
        VectorLength = vectorLength;
        var vl = vectorLength;
        for (var k = 0; k < vl; k++)
        {
            var last = weights.Slice(k * vl, vl).LastIndexOfAnyExcept((sbyte)0);
            if (last >= 0)
            {
                liveRows = k + 1;
                liveCols = Math.Max(liveCols, last + 1);
            }
        }

        var block = new sbyte[liveRows * liveCols];
        for (var k = 0; k < liveRows; k++)
            weights.Slice(k * vl, liveCols).CopyTo(block.AsSpan(k * liveCols, liveCols));
        packed = Gemm.Pack(block, liveRows, liveCols);
    }

    public int VectorLength { get; }

    /// <summary>The multiply-adds one activation costs: the live block's size.</summary>
    public long LiveMacsPerRow => (long)liveRows * liveCols;

    /// <summary>r = x W for m activations (m x VL each way).</summary>
    public void Multiply(ReadOnlySpan<sbyte> x, Span<int> r, int m)
    {
        var vl = VectorLength;
        if (liveRows == vl && liveCols == vl)
        {
            Gemm.Multiply(x, packed, r, m);
            return;
        }

        r.Clear();
        if (liveRows == 0)
            return;
        var xs = ArrayPool<sbyte>.Shared.Rent(m * liveRows);
        var rs = ArrayPool<int>.Shared.Rent(m * liveCols);
        for (var i = 0; i < m; i++)
            x.Slice(i * vl, liveRows).CopyTo(xs.AsSpan(i * liveRows, liveRows));
        Gemm.Multiply(xs.AsSpan(0, m * liveRows), packed, rs.AsSpan(0, m * liveCols), m);
        for (var i = 0; i < m; i++)
            rs.AsSpan(i * liveCols, liveCols).CopyTo(r.Slice(i * vl, liveCols));
        ArrayPool<sbyte>.Shared.Return(xs);
        ArrayPool<int>.Shared.Return(rs);
    }
}

/// <summary>
/// The arrays packed lately, found again by content: a GEMM installs each weight tile once per
/// chunk of rows, and packing costs as much as multiplying a few dozen activations.
/// </summary>
internal sealed class LiveArrayCache
{
    private const int Capacity = 64;
    private const int Samples = 64;

    private readonly List<(ulong Fingerprint, sbyte[] Weights, LiveArray Array)> entries = [];

    /// <summary>The packed form of <paramref name="weights"/> (VL x VL).</summary>
    public LiveArray Get(sbyte[] weights, int vectorLength)
    {
        var index = entries.FindIndex(e => ReferenceEquals(e.Weights, weights));   // an array handed out by Find
        if (index >= 0)
            return entries[index].Array;
        var fingerprint = Fingerprint(weights);
        index = IndexOf(weights, fingerprint);
        if (index >= 0)
            return entries[index].Array;

        if (entries.Count == Capacity)
            entries.RemoveAt(0);
        var array = new LiveArray(weights, vectorLength);
        entries.Add((fingerprint, (sbyte[])weights.Clone(), array));
        return array;
    }

    /// <summary>The cache's own copy of <paramref name="weights"/> (read-only, to install instead of a copy), or null if it holds none.</summary>
    public sbyte[]? Find(ReadOnlySpan<sbyte> weights)
    {
        var index = IndexOf(weights, Fingerprint(weights));
        return index >= 0 ? entries[index].Weights : null;
    }

    private int IndexOf(ReadOnlySpan<sbyte> weights, ulong fingerprint)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var e = entries[i];
            if (e.Fingerprint == fingerprint && e.Weights.AsSpan().SequenceEqual(weights))
                return i;
        }

        return -1;
    }

    // A few words spread over the array: a match is confirmed by comparing every byte.
    private static ulong Fingerprint(ReadOnlySpan<sbyte> weights)
    {
        var words = MemoryMarshal.Cast<sbyte, ulong>(weights);
        var hash = (ulong)weights.Length;
        var step = Math.Max(1, words.Length / Samples);
        for (var i = 0; i < words.Length; i += step)
            hash = (hash ^ words[i]) * 0x100000001B3UL;
        return hash;
    }
}
