namespace Lpu.Hdl.Ir;

/// <summary>A write port of a <see cref="Memory"/>: writes <see cref="Data"/> at <see cref="Address"/> on
/// rising edges of <see cref="Clock"/> where <see cref="Enable"/> is high.</summary>
public sealed class MemoryWritePort
{
    internal MemoryWritePort(Memory memory, Signal clock, Expr address, Expr data, Expr enable, SourceLocation at)
    {
        Memory = memory;
        Clock = clock;
        Address = address;
        Data = data;
        Enable = enable;
        Source = at;
    }

    public Memory Memory { get; }

    public Signal Clock { get; }

    public Expr Address { get; }

    public Expr Data { get; }

    public Expr Enable { get; }

    public SourceLocation Source { get; }
}
