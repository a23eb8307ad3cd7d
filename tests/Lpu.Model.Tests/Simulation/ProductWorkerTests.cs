using Lpu.Model.State;
using Lpu.Testing;

namespace Lpu.Model.Tests.Simulation;

/// <summary>
/// The MXM's products computed beside the simulation (<see cref="ProductWorker"/>) and the packed
/// arrays found again by content (<see cref="LiveArrayCache"/>), held to plain loops.
/// </summary>
public class ProductWorkerTests
{
    private const int Vl = 320;   // the tsp array: the cache's fingerprint samples only some of its words

    [Fact]
    public void Batches_finished_in_any_order_hold_the_products_of_a_plain_loop()
    {
        var random = new Random(5);
        var worker = new ProductWorker();
        var weights = RandomWeights(random, Vl);
        var array = new LiveArray(weights, Vl);
        const int Rows = 70;
        var x = new sbyte[Rows * Vl];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.AsSpan()));
        var r = new int[Rows * Vl];

        // Batches of 1 to 20 rows, started together and finished newest first.
        var batches = new List<ProductBatch>();
        for (var first = 0; first < Rows;)
        {
            var rows = Math.Min(Rows - first, 1 + random.Next(20));
            batches.Add(worker.Start(array, x, r, first, rows));
            first += rows;
        }

        for (var i = batches.Count - 1; i >= 0; i--)
            batches[i].Finish();

        Assert.Equal(PlainGemm.Int8(x, weights, Rows, Vl, Vl), r);
    }

    [Fact]
    public void The_cache_returns_an_array_only_for_the_same_bytes()
    {
        var random = new Random(6);
        var weights = RandomWeights(random, Vl);
        var cache = new LiveArrayCache();
        var first = cache.Get(weights, Vl);
        Assert.Same(first, cache.Get((sbyte[])weights.Clone(), Vl));

        // One byte changed in a word the fingerprint does not sample (word 1 of 12,800): another array.
        weights[9] = (sbyte)(weights[9] + 1);
        var changed = cache.Get(weights, Vl);
        Assert.NotSame(first, changed);

        // Row 0 of W through both arrays: they differ exactly at column 9.
        var x = new sbyte[Vl];
        x[0] = 1;
        var before = new int[Vl];
        var after = new int[Vl];
        first.Multiply(x, before, 1);
        changed.Multiply(x, after, 1);
        Assert.Equal(weights[9], after[9]);
        Assert.Equal(weights[9] - 1, before[9]);
        Assert.Equal(before.Where((_, n) => n != 9), after.Where((_, n) => n != 9));
    }

    [Fact]
    public void The_cache_keeps_its_own_copy_of_the_weights()
    {
        var random = new Random(7);
        var weights = RandomWeights(random, Vl);
        var cache = new LiveArrayCache();
        var original = cache.Get(weights, Vl);
        Array.Clear(weights);   // the caller reuses its buffer for another array
        var zero = cache.Get(weights, Vl);
        Assert.NotSame(original, zero);
        var x = Enumerable.Repeat((sbyte)1, Vl).ToArray();
        var r = new int[Vl];
        zero.Multiply(x, r, 1);
        Assert.All(r, v => Assert.Equal(0, v));
    }

    private static sbyte[] RandomWeights(Random random, int vl)
    {
        var w = new sbyte[vl * vl];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(w.AsSpan()));
        return w;
    }
}
