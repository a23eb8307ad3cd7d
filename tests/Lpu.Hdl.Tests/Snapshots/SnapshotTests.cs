using Lpu.Hdl.Tests.Designs;
using Lpu.Hdl.Verilog;
using Lpu.Testing;

namespace Lpu.Hdl.Tests.Snapshots;

/// <summary>Pins the emitted text of representative modules; every pinned design also passes all tools.</summary>
public class SnapshotTests
{
    [Fact]
    public void Mac() => Pin(VerilogEmitter.Emit(Examples.Mac(), Examples.Options), "mac");

    [Fact]
    public void Fifo() => Pin(VerilogEmitter.Emit(Examples.Fifo(), Examples.Options), "fifo");

    private static void Pin(EmittedDesign design, string module)
    {
        Snapshot.Match(design[module], module);
        HdlToolchain.CheckAll(design);
    }
}
