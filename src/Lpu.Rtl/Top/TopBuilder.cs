using Lpu.Architecture.Configuration;
using Lpu.Architecture.Isa;
using Lpu.Architecture.Layout;
using Lpu.Hdl;
using Lpu.Hdl.Ir;
using Lpu.Rtl.Icu;
using Lpu.Rtl.Mem;
using Lpu.Rtl.Vxm;

namespace Lpu.Rtl.Top;

/// <summary>
/// Builds <c>lpu_top</c> (docs/rtl.md): the host port, run control and program cycle counter, one
/// <c>lpu_queue</c> per MEM and VXM queue, the chip-wide notify wire and power mask, the stream
/// fabric, the MEM slices, the VXM, the counters and the trace output.
/// </summary>
internal sealed partial class TopBuilder
{
    private readonly LpuConfig c;
    private readonly RtlOptions options;
    private readonly Floorplan plan;
    private readonly Module m;
    private readonly ClockDomain d;
    private readonly Signal hostValid;
    private readonly Signal hostOp;
    private readonly Signal hostAddr;
    private readonly Signal hostWdata;
    private readonly Signal hostRdata;
    private readonly Signal hostRvalid;
    private readonly Signal runningOut;
    private readonly Signal doneOut;
    private readonly Signal cycleOut;
    private readonly Signal traceOut;
    private readonly Signal running;
    private readonly Signal prime;
    private readonly Signal cycle;
    private readonly Signal run;
    private readonly Signal start;
    private readonly Signal busy;
    private readonly List<(int Index, Instance Queue)> queues = [];
    private readonly List<Instance> slices = [];

    public TopBuilder(LpuConfig config, RtlOptions options)
    {
        c = config;
        this.options = options;
        plan = new Floorplan(config);
        HostDataWidth = Math.Max(64, (8 * c.LanesPerSuperlane) + CheckBits(config));
        Queues = [.. plan.Queues.Where(q => q.Kind is UnitKind.Mem or UnitKind.Vxm).Select(q => q.Index)];
        Trace = new TraceLayout(config, Queues);
        m = new Module("lpu_top");
        d = m.ClockDomain();
        (hostValid, hostOp, hostAddr, hostWdata) = HostCommand(options.RegisteredHostPort);
        HostCommandDelay = options.RegisteredHostPort ? 1 : 0;
        hostRdata = m.Output("host_rdata", HostDataWidth);
        hostRvalid = m.Output("host_rvalid");
        runningOut = m.Output("running");
        doneOut = m.Output("done");
        cycleOut = m.Output("cycle", QueueGenerator.CycleWidth);
        traceOut = m.Output(TraceLayout.PortName, Trace.Width);

        running = m.Reg("run_state", 1, d);
        prime = m.Reg("prime", 1, d);
        cycle = m.Reg("program_cycle", QueueGenerator.CycleWidth, d);
        run = m.Wire("run");
        m.Assign(run, running & !prime);
        // Running until the cycle done rises: from then on the host may load and read again.
        busy = m.Wire("busy");
        start = m.Wire("start");
        m.Assign(start, hostValid & hostOp.Eq((int)HostOp.Start) & !busy);
    }

    public int HostDataWidth { get; }

    /// <summary>Cycles from a host command on the port to the cycle it acts in (<see cref="RtlDesign.HostCommandDelay"/>).</summary>
    public int HostCommandDelay { get; }

    public IReadOnlyList<int> Queues { get; }

    public TraceLayout Trace { get; }

    /// <summary>Builds the whole top module.</summary>
    public Module Build()
    {
        BuildQueues();
        var powered = BuildPower();
        var fabric = new Fabric(m, d, c);
        var vxm = BuildVxm(powered, fabric);
        BuildSlices(powered, fabric);
        fabric.Build(slices.Select((s, i) => (plan.SlicePosition(i), s)), plan.VxmPosition, vxm);
        BuildControl();
        BuildHost();
        BuildTrace(vxm);
        return m;
    }

    /// <summary>C: SECDED check bits of an 8L-bit word (architecture.md §5), 0 without ECC.</summary>
    public static int CheckBits(LpuConfig config)
    {
        if (!config.Mem.Ecc)
            return 0;
        var n = 8 * config.LanesPerSuperlane;
        var r = 1;
        while ((1 << r) < n + r + 1)
            r++;
        return r + 1;
    }

    /// <summary>Cycles from a read command to its answer (<see cref="RtlDesign.HostReadLatency"/>): the command's
    /// delay, then the tile's SRAM read and the slice's register.</summary>
    public int HostReadLatency => HostCommandDelay + 2;

    /// <summary>
    /// The host command as the chip uses it: the port's inputs, or registered copies of them. What
    /// depends on a model's inputs Verilator evaluates at both evaluations of every cycle, and with
    /// the host logic of every tile in it that was ~11% of a <c>small</c> tick (docs/performance.md).
    /// </summary>
    private (Signal Valid, Signal Op, Signal Addr, Signal Wdata) HostCommand(bool registered)
    {
        var valid = m.Input("host_valid");
        var op = m.Input("host_op", 3);
        var addr = m.Input("host_addr", 32);
        var wdata = m.Input("host_wdata", HostDataWidth);
        if (!registered)
            return (valid, op, addr, wdata);

        var validQ = m.Reg("host_cmd_valid", 1, d);
        var opQ = m.Reg("host_cmd_op", 3, d, enable: valid);
        var addrQ = m.Reg("host_cmd_addr", 32, d, enable: valid);
        var wdataQ = m.Reg("host_cmd_wdata", HostDataWidth, d, enable: valid);
        m.Assign(validQ, valid);
        m.Assign(opQ, op);
        m.Assign(addrQ, addr);
        m.Assign(wdataQ, wdata);
        return (validQ, opQ, addrQ, wdataQ);
    }

    private static string QueueName(QueueInfo q) => "queue_" + q.Name.Replace('.', '_');

    private Expr HostIs(HostOp op) => hostValid & hostOp.Eq((int)op);

    private void BuildQueues()
    {
        var module = QueueGenerator.Create(c);
        var notify = m.Wire("notify_all");
        var addressBits = module.Memories[0].AddressWidth;
        foreach (var index in Queues)
        {
            var q = m.Instance(module, QueueName(plan.Queues[index]));
            var mine = hostAddr[31, 24].Eq(index) & !busy;
            q.Connect("clk", d.Clock).Connect("rst_n", d.Reset!).Connect("prime", prime).Connect("run", run)
                .Connect("cycle", cycle).Connect("notify_in", notify)
                .Connect("load_we", HostIs(HostOp.WriteQueue) & mine).Connect("load_addr", hostAddr[addressBits - 1, 0])
                .Connect("load_data", hostWdata[63, 0])
                .Connect("len_we", HostIs(HostOp.SetQueueLength) & mine).Connect("len_data", hostWdata[QueueGenerator.LengthWidth - 1, 0]);
            queues.Add((index, q));
        }

        m.Assign(notify, OrAll(queues.Select(q => (Expr)q.Queue.Output("notify_out"))));
    }

    /// <summary>The word the queue issues to its unit: valid only for that unit's opcodes.</summary>
    private (Expr Valid, Expr Word) UnitIssue(int index, UnitKind kind)
    {
        var q = queues.First(x => x.Index == index).Queue;
        var word = q.Output("issue_word");
        var codes = InstructionSet.All.Where(s => s.Unit == kind).Select(s => (int)s.Opcode).ToList();
        var opcode = word[63, 56];
        return (q.Output("issue_valid") & (opcode >= codes.Min()) & (opcode <= codes.Max()), word);
    }

    private Instance BuildVxm(Expr powered, Fabric fabric)
    {
        var module = VxmGenerator.Create(c);
        var inst = m.Instance(module, "vxm");
        var alus = plan.Queues.Where(q => q.Kind == UnitKind.Vxm).Select(q => UnitIssue(q.Index, UnitKind.Vxm)).ToList();
        inst.Connect("clk", d.Clock).Connect("rst_n", d.Reset!)
            .Connect("issue_valid", VxmGenerator.Pack([.. alus.Select(x => x.Valid)]))
            .Connect("issue_word", VxmGenerator.Pack([.. alus.Select(x => x.Word)]))
            .Connect("powered", powered)
            .Connect("stream_in", fabric.StreamsAt(plan.VxmPosition));
        return inst;
    }

    private void BuildSlices(Expr powered, Fabric fabric)
    {
        var module = MemSliceGenerator.Create(c, options);
        var mems = plan.Queues.Where(q => q.Kind == UnitKind.Mem).ToList();
        foreach (var q in mems)
        {
            var (valid, word) = UnitIssue(q.Index, UnitKind.Mem);
            var inst = m.Instance(module, $"slice_{q.GlobalSlice}");
            var mine = hostValid & hostAddr[31, 24].Eq(q.GlobalSlice) & (hostOp.Eq((int)HostOp.WriteSram) | hostOp.Eq((int)HostOp.WriteSramRaw) | hostOp.Eq((int)HostOp.ReadSramRaw)) & !busy;
            inst.Connect("clk", d.Clock).Connect("rst_n", d.Reset!).Connect("issue_valid", valid).Connect("issue_word", word)
                .Connect("powered", powered).Connect("stream_in", fabric.StreamsAt(q.Position))
                .Connect("host_valid", mine).Connect("host_op", hostOp).Connect("host_tile", hostAddr[23, 16])
                .Connect("host_word", hostAddr[15, 0]).Connect("host_wdata", hostWdata);
            slices.Add(inst);
        }
    }

    internal static Expr OrAll(IEnumerable<Expr> bits)
    {
        Expr? acc = null;
        foreach (var b in bits)
            acc = acc is null ? b : acc | b;
        return acc ?? Hw.Const(0, 1);
    }

    internal static Expr AndAll(IEnumerable<Expr> bits)
    {
        Expr? acc = null;
        foreach (var b in bits)
            acc = acc is null ? b : acc & b;
        return acc ?? Hw.Const(1, 1);
    }

    /// <summary>The number of set bits among <paramref name="bits"/>, <paramref name="width"/> bits wide.</summary>
    internal static Expr Count(IEnumerable<Expr> bits, int width)
    {
        Expr acc = Hw.Const(0, width);
        foreach (var b in bits)
            acc = (acc + b.ZeroExtend(width)).Truncate(width);
        return acc;
    }
}
