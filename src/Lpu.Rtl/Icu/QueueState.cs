using Lpu.Hdl.Ir;

namespace Lpu.Rtl.Icu;

/// <summary>The registers of one queue's issue logic.</summary>
internal sealed class QueueState
{
    private readonly Module m;

    public QueueState(Module module, ClockDomain d)
    {
        m = module;
        Pc = m.Reg("pc", QueueGenerator.LengthWidth, d);
        Delay = m.Reg("delay", 32, d);
        Waiting = m.Reg("waiting", 1, d);
        RepActive = m.Reg("rep_active", 1, d);
        RepLeft = m.Reg("rep_left", QueueGenerator.Field("repeat", "n").Width, d);
        RepD = m.Reg("rep_d", QueueGenerator.Field("repeat", "d").Width, d);
        RepStep = m.Reg("rep_step", QueueGenerator.Field("repeat", "step").Width, d);
        RepNext = m.Reg("rep_next", QueueGenerator.CycleWidth, d);
        Prev = m.Reg("prev", 64, d);
        LastT = m.Reg("last_t", QueueGenerator.CycleWidth, d);
    }

    /// <summary>Index of the entry in the read register.</summary>
    public Signal Pc { get; }

    /// <summary>Cycles to wait before the current entry (after a nop or a sync release).</summary>
    public Signal Delay { get; }

    /// <summary>In a sync, waiting for a notify.</summary>
    public Signal Waiting { get; }

    /// <summary>A repeat has copies left to issue.</summary>
    public Signal RepActive { get; }

    public Signal RepLeft { get; }

    public Signal RepD { get; }

    public Signal RepStep { get; }

    /// <summary>Program cycle of the next copy.</summary>
    public Signal RepNext { get; }

    /// <summary>The last issued word (what a repeat repeats).</summary>
    public Signal Prev { get; }

    /// <summary>Program cycle of the last issue.</summary>
    public Signal LastT { get; }

    public void Restart()
    {
        foreach (var r in new[] { Pc, Delay, Waiting, RepActive, Prev, LastT })
            m.Assign(r, 0);
    }
}
