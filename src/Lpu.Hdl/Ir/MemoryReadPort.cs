namespace Lpu.Hdl.Ir;

/// <summary>A synchronous read port of a <see cref="Memory"/>; <see cref="Data"/> is its registered output.</summary>
public sealed class MemoryReadPort
{
    internal MemoryReadPort(Memory memory, Signal clock, Expr address, Expr? enable, Signal data, SourceLocation at)
    {
        Memory = memory;
        Clock = clock;
        Address = address;
        Enable = enable;
        Data = data;
        Source = at;
    }

    public Memory Memory { get; }

    public Signal Clock { get; }

    public Expr Address { get; }

    public Expr? Enable { get; }

    public Signal Data { get; }

    public SourceLocation Source { get; }
}
