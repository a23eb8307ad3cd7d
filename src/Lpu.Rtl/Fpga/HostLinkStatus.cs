namespace Lpu.Rtl.Fpga;

/// <summary>The answer to a STATUS command: <c>lpu_top</c>'s <c>running</c> and <c>done</c> outputs.</summary>
public readonly record struct HostLinkStatus(bool Running, bool Done);
