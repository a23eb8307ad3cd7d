namespace Lpu.Rtl.Fpga;

/// <summary>
/// Commands of the UART host link (docs/rtl.md "FPGA wrapper"). Codes 1-7 are <c>lpu_top</c>'s
/// <c>host_op</c> codes; <see cref="Status"/> is answered by the link itself.
/// </summary>
public enum HostLinkCommand
{
    WriteQueue = 1,
    SetQueueLength = 2,
    WriteSram = 3,
    WriteSramRaw = 4,
    ReadSramRaw = 5,
    ReadCounter = 6,
    Start = 7,
    Status = 8,
}
