namespace Lpu.Rtl.Fpga;

/// <summary>
/// Commands of the UART host link (docs/rtl.md "FPGA wrapper"). Codes 1-7 are <c>lpu_top</c>'s
/// <c>host_op</c> codes; <see cref="Status"/> is answered by the link itself.
/// </summary>
public enum HostLinkCommand
{
    WriteQueue = (int)HostOp.WriteQueue,
    SetQueueLength = (int)HostOp.SetQueueLength,
    WriteSram = (int)HostOp.WriteSram,
    WriteSramRaw = (int)HostOp.WriteSramRaw,
    ReadSramRaw = (int)HostOp.ReadSramRaw,
    ReadCounter = (int)HostOp.ReadCounter,
    Start = (int)HostOp.Start,
    Status = 8,
}
