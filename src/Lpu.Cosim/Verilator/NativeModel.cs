using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Lpu.Cosim.Verilator;

/// <summary>
/// The shim's C functions in one loaded model library, resolved once per library path and kept for
/// the life of the process (Verilated libraries are never unloaded). Calls that only touch a few
/// bytes skip the GC transition; calls that run the model keep it.
/// </summary>
internal sealed unsafe class NativeModel
{
    /// <summary>The shim ABI this code speaks; the template's lpu_sim_abi returns the same number.</summary>
    private const int Abi = 3;

    private static readonly ConcurrentDictionary<string, Lazy<NativeModel>> Loaded = new(StringComparer.Ordinal);

    public readonly delegate* unmanaged<nint> Create;
    public readonly delegate* unmanaged<nint, void> Destroy;
    public readonly delegate* unmanaged[SuppressGCTransition]<nint, int, ulong, int> Set;
    public readonly delegate* unmanaged[SuppressGCTransition]<nint, int, uint*, int> SetWide;
    public readonly delegate* unmanaged[SuppressGCTransition]<nint, int, ulong> Get;
    public readonly delegate* unmanaged[SuppressGCTransition]<nint, int, uint*, int> GetWide;
    public readonly delegate* unmanaged[SuppressGCTransition]<nint, int*, int, ulong*, void> ReadMany;
    public readonly delegate* unmanaged<nint, int> Eval;
    public readonly delegate* unmanaged<nint, ulong, int> Tick;
    public readonly delegate* unmanaged[SuppressGCTransition]<nint, ulong> Cycle;
    public readonly delegate* unmanaged[SuppressGCTransition]<nint, int> Status;
    public readonly delegate* unmanaged<nint, byte*, int, int> Message;
    public readonly delegate* unmanaged<nint, byte*, ulong, ulong, int> TraceWindow;
    public readonly delegate* unmanaged<nint, void> TraceStop;
    public readonly delegate* unmanaged<nint, int, int, int, int*, int*, int*, int> FieldsLayout;
    public readonly delegate* unmanaged<nint, ulong, uint*, int> TickFields;
    public readonly delegate* unmanaged<int> ProfileDump;

    private NativeModel(string path, int expectedPorts)
    {
        var library = NativeLibrary.Load(path);
        var abi = ((delegate* unmanaged<int>)Export(library, path, "lpu_sim_abi"))();
        var ports = ((delegate* unmanaged<int>)Export(library, path, "lpu_sim_port_count"))();
        if (abi != Abi || ports != expectedPorts)
        {
            throw new InvalidOperationException(
                $"model library '{path}' speaks shim ABI {abi} with {ports} ports; expected ABI {Abi} with {expectedPorts} ports (delete it to rebuild)");
        }

        Create = (delegate* unmanaged<nint>)Export(library, path, "lpu_sim_create");
        Destroy = (delegate* unmanaged<nint, void>)Export(library, path, "lpu_sim_destroy");
        Set = (delegate* unmanaged[SuppressGCTransition]<nint, int, ulong, int>)Export(library, path, "lpu_sim_set");
        SetWide = (delegate* unmanaged[SuppressGCTransition]<nint, int, uint*, int>)Export(library, path, "lpu_sim_set_wide");
        Get = (delegate* unmanaged[SuppressGCTransition]<nint, int, ulong>)Export(library, path, "lpu_sim_get");
        GetWide = (delegate* unmanaged[SuppressGCTransition]<nint, int, uint*, int>)Export(library, path, "lpu_sim_get_wide");
        ReadMany = (delegate* unmanaged[SuppressGCTransition]<nint, int*, int, ulong*, void>)Export(library, path, "lpu_sim_read_many");
        Eval = (delegate* unmanaged<nint, int>)Export(library, path, "lpu_sim_eval");
        Tick = (delegate* unmanaged<nint, ulong, int>)Export(library, path, "lpu_sim_tick");
        Cycle = (delegate* unmanaged[SuppressGCTransition]<nint, ulong>)Export(library, path, "lpu_sim_cycle");
        Status = (delegate* unmanaged[SuppressGCTransition]<nint, int>)Export(library, path, "lpu_sim_status");
        Message = (delegate* unmanaged<nint, byte*, int, int>)Export(library, path, "lpu_sim_message");
        TraceWindow = (delegate* unmanaged<nint, byte*, ulong, ulong, int>)Export(library, path, "lpu_sim_trace_window");
        TraceStop = (delegate* unmanaged<nint, void>)Export(library, path, "lpu_sim_trace_stop");
        FieldsLayout = (delegate* unmanaged<nint, int, int, int, int*, int*, int*, int>)Export(library, path, "lpu_sim_fields_layout");
        TickFields = (delegate* unmanaged<nint, ulong, uint*, int>)Export(library, path, "lpu_sim_tick_fields");
        ProfileDump = (delegate* unmanaged<int>)Export(library, path, "lpu_sim_profile_dump");
    }

    /// <summary>The library at <paramref name="path"/>, loaded on first use.</summary>
    public static NativeModel For(string path, int expectedPorts) =>
        Loaded.GetOrAdd(path, p => new Lazy<NativeModel>(() => new NativeModel(p, expectedPorts))).Value;

    private static nint Export(nint library, string path, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new InvalidOperationException($"model library '{path}' does not export '{name}'");
}
