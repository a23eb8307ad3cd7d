namespace Lpu.Rtl;

/// <summary>
/// The <c>host_op</c> codes of <c>lpu_top</c>'s host port (docs/rtl.md "Host port"): one place for
/// the generators that decode them and the drivers (co-simulator, FPGA host link) that send them.
/// </summary>
public enum HostOp
{
    Nop = 0,
    WriteQueue = 1,
    SetQueueLength = 2,
    WriteSram = 3,
    WriteSramRaw = 4,
    ReadSramRaw = 5,
    ReadCounter = 6,
    Start = 7,
}
