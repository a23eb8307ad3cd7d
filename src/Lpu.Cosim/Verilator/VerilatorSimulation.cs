using System.Text;

namespace Lpu.Cosim.Verilator;

/// <summary>
/// One instance of a Verilated model (its own VerilatedContext) driven through the shim's C
/// functions. Ports are addressed by index (resolve names once with <see cref="PortIndex"/>); calls
/// neither allocate nor marshal. <see cref="Tick()"/> is one native call per cycle: clock low, eval,
/// clock high, eval. Not thread-safe: use an instance from one thread at a time.
/// </summary>
public sealed unsafe class VerilatorSimulation : IDisposable
{
    private const byte NarrowInput = 0;
    private const byte WideInput = 1;
    private const byte NarrowOutput = 2;
    private const byte WideOutput = 3;

    private readonly NativeModel _native;
    private readonly VerilatorPort[] _ports;
    private readonly byte[] _kinds;
    private readonly ulong[] _masks;
    private nint _instance;
    private int _fieldLayouts;

    internal VerilatorSimulation(VerilatorBuildResult build)
    {
        Design = build.Design;
        _ports = [.. Design.Ports];
        _kinds = [.. _ports.Select(p => (byte)((p.Direction == PortDirection.Output ? NarrowOutput : NarrowInput) + (p.IsWide ? 1 : 0)))];
        _masks = [.. _ports.Select(p => p.TopMask)];
        _native = NativeModel.For(build.LibraryPath, _ports.Length);
        _instance = _native.Create();
    }

    public VerilatorDesign Design { get; }

    /// <summary>Rising clock edges simulated so far.</summary>
    public ulong Cycle => _native.Cycle(Instance);

    public SimulationStatus Status => (SimulationStatus)_native.Status(Instance);

    /// <summary>Where and why the simulation ended (file:line, then the model's last printed line), or null.</summary>
    public string? ErrorMessage => Status == SimulationStatus.Running ? null : ReadMessage();

    private nint Instance => _instance != 0 ? _instance : throw new ObjectDisposedException(nameof(VerilatorSimulation));

    public int PortIndex(string name) => Design.PortIndex(name);

    /// <summary>Sets an input port of up to 64 bits; bits above its width must be 0.</summary>
    public void SetInput(int port, ulong value)
    {
        CheckPort(port, NarrowInput);
        if ((value & ~_masks[port]) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"0x{value:X} does not fit port '{_ports[port].Name}' ({_ports[port].Width} bits)");
        }

        _native.Set(Instance, port, value);
    }

    /// <summary>Sets an input port wider than 64 bits from its 32-bit words, least significant first.</summary>
    public void SetInput(int port, ReadOnlySpan<uint> words)
    {
        CheckPort(port, WideInput);
        var count = _ports[port].WordCount;
        if (words.Length != count || (words[count - 1] & ~_masks[port]) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(words), $"port '{_ports[port].Name}' ({_ports[port].Width} bits) takes {count} words with the bits above its width 0");
        }

        fixed (uint* pointer = words)
        {
            _native.SetWide(Instance, port, pointer);
        }
    }

    /// <summary>Reads a port of up to 64 bits (inputs read back what was set).</summary>
    public ulong GetOutput(int port)
    {
        CheckPort(port, NarrowOutput);
        return _native.Get(Instance, port);
    }

    /// <summary>Reads a port wider than 64 bits into its 32-bit words, least significant first.</summary>
    public void GetOutput(int port, Span<uint> words)
    {
        CheckPort(port, WideOutput);
        if (words.Length != _ports[port].WordCount)
        {
            throw new ArgumentException($"port '{_ports[port].Name}' ({_ports[port].Width} bits) has {_ports[port].WordCount} words, not {words.Length}", nameof(words));
        }

        fixed (uint* pointer = words)
        {
            _native.GetWide(Instance, port, pointer);
        }
    }

    /// <summary>A batch of ports for <see cref="Read"/>, resolved by name once.</summary>
    public OutputBatch CreateBatch(params string[] portNames) => new(_native, Design, portNames);

    /// <summary>Reads every port of the batch into its buffer with one native call.</summary>
    public void Read(OutputBatch batch)
    {
        if (batch.Model != _native)
        {
            throw new ArgumentException($"the batch was made for another model than '{Design.TopModule}'", nameof(batch));
        }

        fixed (int* ports = batch.Indices)
        fixed (ulong* buffer = batch.Buffer)
        {
            _native.ReadMany(Instance, ports, batch.Indices.Length, buffer);
        }
    }

    /// <summary>Evaluates the model after inputs changed, without a clock edge.</summary>
    public void Eval()
    {
        if (_native.Eval(Instance) != 0)
        {
            throw Ended();
        }
    }

    /// <summary>One clock cycle: clock low, eval, clock high, eval.</summary>
    public void Tick()
    {
        if (_native.Tick(Instance, 1) != 0)
        {
            throw Ended();
        }
    }

    /// <summary><paramref name="cycles"/> clock cycles in one native call (inputs stay as they are).</summary>
    public void Tick(ulong cycles)
    {
        if (_native.Tick(Instance, cycles) != 0)
        {
            throw Ended();
        }
    }

    /// <summary>
    /// Declares the fields of wide port <paramref name="portName"/> for <see cref="TickAndRead(FieldReader, ulong)"/>:
    /// bit <paramref name="summaryOffset"/> + i of the port is set when field i holds something; field
    /// i is the bit ranges <paramref name="fields"/>[i]. Replaces the reader made before (which then
    /// refuses to read).
    /// </summary>
    public FieldReader CreateFieldReader(string portName, int summaryOffset, IReadOnlyList<IReadOnlyList<(int Offset, int Width)>> fields)
    {
        var port = PortIndex(portName);
        var width = _ports[port].Width;
        if (!_ports[port].IsWide)
        {
            throw new ArgumentException($"port '{portName}' of '{Design.TopModule}' is {width} bits wide: field reads need a port wider than 64 bits", nameof(portName));
        }

        if (summaryOffset < 0 || (long)summaryOffset + fields.Count > width)
        {
            throw new ArgumentOutOfRangeException(nameof(summaryOffset), $"{fields.Count} summary bits from bit {summaryOffset} do not fit port '{portName}' ({width} bits)");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            foreach (var (offset, pieceWidth) in fields[i])
            {
                if (offset < 0 || pieceWidth < 1 || (long)offset + pieceWidth > width)
                {
                    throw new ArgumentOutOfRangeException(nameof(fields), $"field {i}: bits [{offset}, {(long)offset + pieceWidth}) are not inside port '{portName}' ({width} bits)");
                }
            }
        }

        var reader = new FieldReader(this, port, summaryOffset, fields, ++_fieldLayouts);
        fixed (int* start = reader.PieceStart)
        fixed (int* offsets = reader.PieceOffsets)
        fixed (int* widths = reader.PieceWidths)
        {
            if (_native.FieldsLayout(Instance, port, summaryOffset, reader.FieldCount, start, offsets, widths) != 0)
            {
                throw new InvalidOperationException($"the model library of '{Design.TopModule}' refused the field layout of port '{portName}'");
            }
        }

        return reader;
    }

    /// <summary>
    /// <paramref name="cycles"/> clock cycles (0: none) and then a read of <paramref name="reader"/>'s
    /// set fields, in one native call; returns <see cref="FieldReader.Words"/>.
    /// </summary>
    public ReadOnlySpan<uint> TickAndRead(FieldReader reader, ulong cycles = 1)
    {
        if (reader.Simulation != this || reader.Generation != _fieldLayouts)
        {
            throw new ArgumentException("the field reader belongs to another simulation or was replaced by a newer one", nameof(reader));
        }

        fixed (uint* buffer = reader.Buffer)
        {
            if (_native.TickFields(Instance, cycles, buffer) != 0)
            {
                throw Ended();
            }
        }

        return reader.Words;
    }

    /// <summary>
    /// <see cref="TickAndRead(FieldReader, ulong)"/> into <paramref name="destination"/> instead of the
    /// reader's own buffer (e.g. a slot of a ring handed to another thread); it must hold
    /// <see cref="FieldReader.Words"/>' length.
    /// </summary>
    public void TickAndRead(FieldReader reader, ulong cycles, Span<uint> destination)
    {
        if (reader.Simulation != this || reader.Generation != _fieldLayouts)
        {
            throw new ArgumentException("the field reader belongs to another simulation or was replaced by a newer one", nameof(reader));
        }

        if (destination.Length < reader.Buffer.Length)
        {
            throw new ArgumentException($"the destination holds {destination.Length} words; the reader's fields need {reader.Buffer.Length}", nameof(destination));
        }

        fixed (uint* buffer = destination)
        {
            if (_native.TickFields(Instance, cycles, buffer) != 0)
            {
                throw Ended();
            }
        }
    }

    /// <summary>
    /// Writes a VCD file of cycles [<paramref name="fromCycle"/>, <paramref name="toCycle"/>): it opens when
    /// that first cycle starts and closes after the last one. Cycle c has time stamps 10c (clock low)
    /// and 10c + 5 (rising edge). Needs <see cref="VerilatorOptions.Trace"/>; replaces an open window.
    /// </summary>
    public void TraceWindow(string path, ulong fromCycle, ulong toCycle)
    {
        if (!Design.Options.Trace)
        {
            throw new InvalidOperationException($"'{Design.TopModule}' was built without tracing: set VerilatorOptions.Trace");
        }

        if (fromCycle >= toCycle || toCycle <= Cycle)
        {
            throw new ArgumentOutOfRangeException(nameof(toCycle), $"trace window [{fromCycle}, {toCycle}) is empty or already past (cycle {Cycle})");
        }

        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var utf8 = Encoding.UTF8.GetBytes(fullPath + "\0");
        fixed (byte* pointer = utf8)
        {
            _native.TraceWindow(Instance, pointer, fromCycle, toCycle);
        }
    }

    /// <summary>
    /// Writes the execution counts of an instrumented library (the first stage of a profile-guided
    /// build) to its object folder; false for a library built without instrumentation.
    /// </summary>
    internal bool DumpProfile() => _native.ProfileDump() != 0;

    /// <summary>Closes the trace file now, if one is open or armed.</summary>
    public void StopTrace() => _native.TraceStop(Instance);

    /// <summary>Runs final blocks, closes any trace and frees the model.</summary>
    public void Dispose()
    {
        if (_instance != 0)
        {
            _native.Destroy(_instance);
            _instance = 0;
        }
    }

    /// <summary>Checks a port index on the hot path: no allocation unless it throws.</summary>
    private void CheckPort(int port, byte kind)
    {
        if ((uint)port >= (uint)_ports.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(port), $"'{Design.TopModule}' has ports 0..{_ports.Length - 1}, not {port}");
        }

        var actual = _kinds[port];
        var setsAnOutput = kind is NarrowInput or WideInput && actual is NarrowOutput or WideOutput;

        // Any port can be read (inputs read back what was set); the width class must match.
        if (setsAnOutput || (actual & 1) != (kind & 1))
        {
            throw WrongPort(port, setsAnOutput);
        }
    }

    private ArgumentException WrongPort(int port, bool setsAnOutput)
    {
        var what = $"port '{_ports[port].Name}' of '{Design.TopModule}'";
        var overload = _ports[port].IsWide ? "the word-span overload" : "the ulong overload";
        return new ArgumentException(
            setsAnOutput ? $"{what} is an output: it cannot be set" : $"{what} is {_ports[port].Width} bits wide: use {overload}",
            nameof(port));
    }

    private VerilatorSimulationException Ended()
    {
        var status = Status;
        return new VerilatorSimulationException(status, Cycle, $"simulation of '{Design.TopModule}' ended ({status}) at cycle {Cycle}: {ReadMessage()}");
    }

    private string ReadMessage()
    {
        var length = _native.Message(Instance, null, 0);
        var buffer = new byte[length + 1];
        fixed (byte* pointer = buffer)
        {
            _native.Message(Instance, pointer, buffer.Length);
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
