using System.Numerics;
using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

public sealed partial class Module
{
    /// <summary>An input port.</summary>
    public Signal Input(string name, int width = 1, bool signed = false,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Declare(name, SignalKind.Input, width, signed, BigInteger.Zero, SourceLocation.From(file, line));

    /// <summary>An output port (a <c>wire</c>); drive it with <see cref="Assign(Signal, Expr, string, int)"/>.</summary>
    public Signal Output(string name, int width = 1, bool signed = false,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Declare(name, SignalKind.Output, width, signed, BigInteger.Zero, SourceLocation.From(file, line));

    /// <summary>A combinational net. Where no assignment applies it takes <paramref name="defaultValue"/>,
    /// so conditional assignment never makes a latch.</summary>
    public Signal Wire(string name, int width = 1, bool signed = false, long defaultValue = 0,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        return Declare(name, SignalKind.Wire, width, signed, InitialBits(defaultValue, width, signed, name, at), at);
    }

    /// <summary>
    /// A register clocked by <paramref name="domain"/>. Assignments give its next value; it holds when none
    /// applies, and when <paramref name="enable"/> (1 bit) is low. Reset loads <paramref name="resetValue"/>.
    /// Emitted as <c>name_q</c>.
    /// </summary>
    public Signal Reg(string name, int width, ClockDomain domain, bool signed = false, long resetValue = 0,
        Expr? enable = null, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        ClaimName(name, "register", at);
        width = CheckWidth(width, $"register '{name}'", at);
        UseDomain(domain, at);
        if (enable is not null)
        {
            RequireBit(enable, $"enable of register '{name}'", at);
        }

        return AddSignal(new Signal(this, name, SignalKind.Register, width, signed, at)
        {
            Domain = domain,
            Enable = enable,
            InitialBits = InitialBits(resetValue, width, signed, name, at),
        });
    }

    /// <summary>Declares the clock input <paramref name="clock"/> and, unless <paramref name="reset"/> is
    /// null, the reset input, and returns the domain made of them.</summary>
    public ClockDomain ClockDomain(string clock = "clk", string? reset = "rst_n",
        ResetStyle style = ResetStyle.AsyncActiveLow, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var clk = Input(clock, 1, false, file, line);
        var rst = reset is null || style == ResetStyle.None ? null : Input(reset, 1, false, file, line);
        return new ClockDomain(clk, rst, rst is null ? ResetStyle.None : style);
    }

    /// <summary>A memory of <paramref name="depth"/> words of <paramref name="width"/> bits, emitted in the
    /// pattern synthesis tools map to block RAM. Add ports with <see cref="Ir.Memory.Read"/> and
    /// <see cref="Ir.Memory.Write"/>.</summary>
    public Memory Memory(string name, int width, int depth,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        ClaimName(name, "memory", at);
        width = CheckWidth(width, $"memory '{name}'", at);
        if (depth <= 0)
        {
            Report(DiagnosticKind.InvalidWidth, $"memory '{name}' must have a positive depth, has {depth}", at);
            depth = 1;
        }

        var memory = new Memory(this, name, width, depth, at);
        memories.Add(memory);
        return memory;
    }

    /// <summary>An instance of <paramref name="definition"/>; connect every input with
    /// <see cref="Ir.Instance.Connect"/>, read outputs with <see cref="Ir.Instance.Output"/>.</summary>
    public Instance Instance(Module definition, string name,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        ClaimName(name, "instance", at);
        if (ReferenceEquals(definition, this))
        {
            Report(DiagnosticKind.InvalidUse, $"instance '{name}' instantiates its own module", at);
        }

        var instance = new Instance(this, definition, name, at);
        instances.Add(instance);
        return instance;
    }

    internal Signal InstanceOutput(Instance instance, Signal port, SourceLocation at) =>
        AddSignal(new Signal(this, $"{instance.Name}_{port.Name}", SignalKind.InstanceOutput, port.Width, port.Signed, at)
        {
            Instance = instance,
        });

    internal Signal ReadData(string name, int width, SourceLocation at)
    {
        ClaimName(name, "memory read data", at);
        return AddSignal(new Signal(this, name, SignalKind.MemoryReadData, width, false, at));
    }

    internal void UseDomain(ClockDomain domain, SourceLocation at)
    {
        RequireBit(domain.Clock, "clock", at);
        if (domain.Reset is { } reset)
        {
            RequireBit(reset, "reset", at);
        }
    }

    private Signal Declare(string name, SignalKind kind, int width, bool signed, BigInteger initial, SourceLocation at)
    {
        var what = kind switch
        {
            SignalKind.Input => "input",
            SignalKind.Output => "output",
            _ => "wire",
        };
        ClaimName(name, what, at);
        width = CheckWidth(width, $"{what} '{name}'", at);
        return AddSignal(new Signal(this, name, kind, width, signed, at) { InitialBits = initial });
    }

    private BigInteger InitialBits(long value, int width, bool signed, string name, SourceLocation at)
    {
        var constant = Builder.Const(value, Math.Max(1, width), signed);
        if (constant.Problem is { } problem)
        {
            Report(problem.Kind, $"initial value of '{name}': {problem.Message}", at);
        }

        return constant.Bits;
    }
}
