using System.Numerics;
using System.Runtime.CompilerServices;
using Lpu.Hdl.Checks;

namespace Lpu.Hdl.Ir;

/// <summary>
/// <see cref="Depth"/> words of <see cref="Width"/> bits with synchronous read ports (registered data) and
/// write ports with an enable, all on one clock. Emitted as <c>reg [W-1:0] name [0:D-1]</c> with one clocked
/// write block and one clocked read block per port: the pattern Yosys infers as <c>$mem</c> and FPGA tools map
/// to block RAM. Addresses are at most <see cref="AddressWidth"/> bits; narrower ones are zero-extended.
/// </summary>
public sealed class Memory
{
    private readonly List<MemoryReadPort> readPorts = [];
    private readonly List<MemoryWritePort> writePorts = [];

    internal Memory(Module owner, string name, int width, int depth, SourceLocation at)
    {
        Owner = owner;
        Name = name;
        Width = width;
        Depth = depth;
        Source = at;
        AddressWidth = Math.Max(1, (int)Math.Ceiling(Math.Log2(depth)));
    }

    public Module Owner { get; }

    public string Name { get; }

    public int Width { get; }

    public int Depth { get; }

    /// <summary>ceil(log2(depth)), at least 1.</summary>
    public int AddressWidth { get; }

    public SourceLocation Source { get; }

    public IReadOnlyList<MemoryReadPort> ReadPorts => readPorts;

    public IReadOnlyList<MemoryWritePort> WritePorts => writePorts;

    /// <summary>A synchronous read port: at each rising edge of <paramref name="domain"/>'s clock where
    /// <paramref name="enable"/> (1 bit, default always) is high, the returned signal (emitted <c>name_q</c>,
    /// default name <c>{memory}_rd{n}</c>) loads the word at <paramref name="address"/>.</summary>
    public Signal Read(ClockDomain domain, Expr address, Expr? enable = null, string? name = null,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        Owner.UseDomain(domain, at);
        CheckAddress(address, at);
        if (enable is not null)
        {
            Owner.RequireBit(enable, $"read enable of memory '{Name}'", at);
        }

        var data = Owner.ReadData(name ?? $"{Name}_rd{readPorts.Count}", Width, at);
        var port = new MemoryReadPort(this, domain.Clock, address, enable, data, at);
        data.ReadPort = port;
        readPorts.Add(port);
        return data;
    }

    /// <summary>A write port: at each rising edge of <paramref name="domain"/>'s clock where
    /// <paramref name="enable"/> (1 bit) is high, the word at <paramref name="address"/> becomes
    /// <paramref name="data"/> (exactly <see cref="Width"/> bits). All write ports share one clock.</summary>
    public void Write(ClockDomain domain, Expr address, Expr data, Expr enable,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var at = SourceLocation.From(file, line);
        Owner.UseDomain(domain, at);
        CheckAddress(address, at);
        Owner.RequireBit(enable, $"write enable of memory '{Name}'", at);
        Owner.Use(data, at);
        if (data.Width != Width)
        {
            Owner.Report(DiagnosticKind.WidthMismatch,
                $"write data of memory '{Name}' is {data.TypeName}, the memory is {Width} bits wide", at);
        }

        if (writePorts.Count > 0 && !ReferenceEquals(writePorts[0].Clock, domain.Clock))
        {
            Owner.Report(DiagnosticKind.InvalidUse,
                $"write ports of memory '{Name}' use clocks '{writePorts[0].Clock.Name}' and '{domain.Clock.Name}': one clock only", at);
        }

        writePorts.Add(new MemoryWritePort(this, domain.Clock, address, data, enable, at));
    }

    private void CheckAddress(Expr address, SourceLocation at)
    {
        Owner.Use(address, at);
        if (address is Const constant && constant.Bits >= Depth)
        {
            Owner.Report(DiagnosticKind.AddressOutOfRange,
                $"address {constant.Bits} of memory '{Name}' is out of range [0, {Depth})", at);
        }
        else if (address.Width > AddressWidth)
        {
            var reach = (BigInteger.One << address.Width) - 1;
            Owner.Report(DiagnosticKind.AddressOutOfRange,
                $"address of memory '{Name}' is {address.Width} bits wide and reaches {reach}, out of range [0, {Depth})", at);
        }
    }
}
