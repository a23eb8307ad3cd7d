using System.Diagnostics;
using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Lpu.Cosim.Verilator;

namespace Lpu.Cosim.Lockstep;

/// <summary>
/// The RTL run on a thread of its own, ahead of the comparing thread: it ticks, copies the set
/// fields of <c>events</c> (one native call) and the <c>done</c> output into the next slot of a ring
/// of preallocated buffers, and moves on, so a lockstep cycle costs the slower of the two sides
/// rather than their sum. One producer, one consumer, no lock and no allocation per cycle: each
/// side publishes one counter per cycle and reads the other's.
/// <para>
/// A side that finds nothing to do spins for a few microseconds, then sleeps until the other side
/// has done a batch (a quarter of the ring) or has stopped: the other side sets the wake-up event
/// only then, so a sleep costs one system call per batch, not per cycle, and a waiting side burns
/// no processor time the busy side could use.
/// </para>
/// <para>
/// Run-ahead is bounded twice: by the ring (<see cref="Capacity"/> cycles) and by the cycle the
/// comparing side allows (<see cref="RtlCycles.Read"/>), which keeps the RTL from ticking past the
/// end of the run, so that at the end it is exactly where the one-thread loop leaves it (the host
/// port then reads the counters). After a divergence the RTL may have run up to a ring's worth of
/// cycles past it; the report does not depend on that (the waveform comes from a re-run). What the
/// RTL threw is kept in the slot of the cycle where it happened and thrown when that cycle is read,
/// so errors come in the order and at the cycle the one-thread loop gives.
/// </para>
/// </summary>
internal sealed class PipelinedRtl : RtlCycles
{
    /// <summary>Bytes of ring to aim for: a few hundred cycles of slack, within the L2 cache.</summary>
    private const int RingBytes = 512 * 1024;

    /// <summary>How long a side spins before it sleeps.</summary>
    private static readonly long SpinFor = Stopwatch.Frequency / 500_000;   // 2 us

    private readonly VerilatorSimulation sim;
    private readonly FieldReader reader;
    private readonly int donePort;
    private readonly int words;            // the event words of a cycle
    private readonly int stride;           // a slot: those words, then the done output
    private readonly int batch;
    private readonly uint[] slots;
    private readonly ExceptionDispatchInfo?[] errors;
    private readonly PhaseClock? modelPhases;
    private readonly PhaseClock? rtlPhases;
    private readonly ManualResetEventSlim producerWake = new(false, 0);
    private readonly ManualResetEventSlim consumerWake = new(false, 0);
    private readonly Thread thread;
    private Shared shared;

    /// <summary>
    /// Starts the RTL thread, allowed to run up to program cycle <paramref name="allowedUpTo"/>; with
    /// phase clocks, the comparing side's wait goes to <paramref name="modelPhases"/> and the RTL
    /// thread's tick, read and wait to <paramref name="rtlPhases"/>.
    /// </summary>
    public PipelinedRtl(VerilatorSimulation sim, FieldReader reader, int donePort, long allowedUpTo, PhaseClock? modelPhases, PhaseClock? rtlPhases)
    {
        this.sim = sim;
        this.reader = reader;
        this.donePort = donePort;
        this.modelPhases = modelPhases;
        this.rtlPhases = rtlPhases;
        words = reader.Words.Length;
        stride = words + 1;
        Capacity = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, RingBytes / (4 * stride))) / 2, 16, 1024);
        batch = Capacity / 4;
        slots = GC.AllocateArray<uint>(Capacity * stride, pinned: true);
        errors = new ExceptionDispatchInfo?[Capacity];
        shared.Allowed = allowedUpTo;
        thread = new Thread(Produce) { IsBackground = true, Name = "lockstep RTL" };
        thread.Start();
    }

    /// <summary>Slots in the ring (a power of two): how far the RTL may run ahead at most.</summary>
    public int Capacity { get; }

    public override ReadOnlySpan<uint> Read(long cycle, long allowedUpTo, out bool isDone)
    {
        if (allowedUpTo < shared.Allowed || cycle > allowedUpTo)
            throw new InvalidOperationException($"lockstep internal error: cycle {cycle} read with the RTL allowed up to {allowedUpTo} (before: {shared.Allowed})");

        // Slots before this cycle are free again; the limit may have moved.
        Volatile.Write(ref shared.Released, cycle);
        Volatile.Write(ref shared.Allowed, allowedUpTo);
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref shared.ProducerAsleep) != 0 && cycle >= Volatile.Read(ref shared.ProducerNeedsReleased) && allowedUpTo >= Volatile.Read(ref shared.ProducerNeedsAllowed))
            producerWake.Set();

        if (Volatile.Read(ref shared.Produced) <= cycle)
            WaitUntilProduced(cycle, allowedUpTo);
        modelPhases?.Lap(Phase.ModelWait);

        var slot = (int)(cycle & (Capacity - 1));
        errors[slot]?.Throw();
        isDone = slots[(slot * stride) + words] != 0;
        return slots.AsSpan(slot * stride, words);
    }

    /// <summary>Stops the RTL thread and waits for it.</summary>
    public override void Dispose()
    {
        Volatile.Write(ref shared.Stopping, 1);
        Interlocked.MemoryBarrier();
        producerWake.Set();
        thread.Join();
        producerWake.Dispose();
        consumerWake.Dispose();
    }

    private void Produce()
    {
        try
        {
            for (long cycle = 0; ; cycle++)
            {
                rtlPhases?.Start();
                if (!WaitForRoom(cycle))
                    return;
                rtlPhases?.Lap(Phase.RtlWait);
                if (!Produce(cycle))
                    return;
            }
        }
        finally
        {
            // Whatever ends this thread, a sleeping reader must learn that nothing more comes.
            Volatile.Write(ref shared.ProducerFinished, 1);
            Interlocked.MemoryBarrier();
            consumerWake.Set();
        }
    }

    /// <summary>Ticks to <paramref name="cycle"/> and fills its slot; false when the RTL failed (kept in the slot).</summary>
    private bool Produce(long cycle)
    {
        var slot = (int)(cycle & (Capacity - 1));
        try
        {
            var destination = slots.AsSpan(slot * stride, words);
            var ticks = cycle == 0 ? 0UL : 1UL;
            if (rtlPhases is null)
            {
                sim.TickAndRead(reader, ticks, destination);
            }
            else
            {
                sim.Tick(ticks);
                rtlPhases.Lap(Phase.RtlTick);
                sim.TickAndRead(reader, 0, destination);
                rtlPhases.Lap(Phase.EventRead);
            }

            // In the slot, not in an array of its own, whose neighbouring flags the other side reads.
            slots[(slot * stride) + words] = sim.GetOutput(donePort) != 0 ? 1u : 0u;
        }
        catch (Exception e)
        {
            // Thrown to the comparing side if it reaches this cycle; the RTL stops here.
            errors[slot] = ExceptionDispatchInfo.Capture(e);
            Volatile.Write(ref shared.Produced, cycle + 1);
            return false;
        }

        Volatile.Write(ref shared.Produced, cycle + 1);
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref shared.ConsumerAsleep) != 0 && cycle + 1 >= Volatile.Read(ref shared.ConsumerNeedsProduced))
            consumerWake.Set();
        return true;
    }

    /// <summary>Waits until slot <paramref name="cycle"/> may be written; false when stopping.</summary>
    private bool WaitForRoom(long cycle)
    {
        bool Ready() => cycle <= Volatile.Read(ref shared.Allowed) && cycle - Volatile.Read(ref shared.Released) < Capacity;
        bool Stopping() => Volatile.Read(ref shared.Stopping) != 0;
        if (Ready())
            return !Stopping();
        var since = Stopwatch.GetTimestamp();
        while (!Ready() && !Stopping())
        {
            if (Stopwatch.GetTimestamp() - since < SpinFor)
            {
                Thread.SpinWait(8);
                continue;
            }

            // Sleep until a batch of slots is free (or this one is allowed), or until stopped.
            producerWake.Reset();
            var full = cycle - Volatile.Read(ref shared.Released) >= Capacity;
            Volatile.Write(ref shared.ProducerNeedsReleased, full ? cycle - Capacity + batch : long.MinValue);
            Volatile.Write(ref shared.ProducerNeedsAllowed, cycle);
            Interlocked.Exchange(ref shared.ProducerAsleep, 1);
            if (!Ready() && !Stopping())
                producerWake.Wait();
            Volatile.Write(ref shared.ProducerAsleep, 0);
        }

        return !Stopping();
    }

    private void WaitUntilProduced(long cycle, long allowedUpTo)
    {
        bool Ready() => Volatile.Read(ref shared.Produced) > cycle || Volatile.Read(ref shared.ProducerFinished) != 0;
        var since = Stopwatch.GetTimestamp();
        while (!Ready())
        {
            if (Stopwatch.GetTimestamp() - since < SpinFor)
            {
                Thread.SpinWait(8);
                continue;
            }

            // Sleep until a batch is ready (no further than the RTL may go), or the RTL thread ended.
            consumerWake.Reset();
            Volatile.Write(ref shared.ConsumerNeedsProduced, Math.Min(cycle + batch, allowedUpTo + 1));
            Interlocked.Exchange(ref shared.ConsumerAsleep, 1);
            if (!Ready())
                consumerWake.Wait();
            Volatile.Write(ref shared.ConsumerAsleep, 0);
        }

        if (Volatile.Read(ref shared.Produced) <= cycle)
            throw new InvalidOperationException($"lockstep internal error: the RTL thread ended before cycle {cycle}");
    }

    /// <summary>
    /// What the two sides share; each side writes its own cache line. The struct sits inside this
    /// object, which the GC aligns to 8 bytes only, so each side's fields are kept 96 bytes from the
    /// other's and 128 from the struct's ends: whatever the alignment, no 64-byte line holds fields
    /// of both sides or anything else of the object. A side about to sleep writes what it waits for,
    /// then announces itself with a full fence and checks once more; the other side publishes,
    /// fences, and sets the event if the sleeper's need is met, so one of the two always sees the
    /// other's write.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 416)]
    private struct Shared
    {
        // Written by the RTL thread: bytes 128-159.
        [FieldOffset(128)]
        public long Produced;             // slots written: cycles 0 .. Produced - 1

        [FieldOffset(136)]
        public int ProducerFinished;

        [FieldOffset(140)]
        public int ProducerAsleep;

        [FieldOffset(144)]
        public long ProducerNeedsReleased;

        [FieldOffset(152)]
        public long ProducerNeedsAllowed;

        // Written by the comparing thread: bytes 256-287.
        [FieldOffset(256)]
        public long Released;             // cycles before this one are read; their slots are free

        [FieldOffset(264)]
        public long Allowed;              // the last cycle the RTL may be run to

        [FieldOffset(272)]
        public int Stopping;

        [FieldOffset(276)]
        public int ConsumerAsleep;

        [FieldOffset(280)]
        public long ConsumerNeedsProduced;
    }
}
