namespace Lpu.Rtl;

/// <summary>
/// Generation options: <paramref name="SramMacros"/> wraps every SRAM bank in a named
/// <c>lpu_sram_&lt;depth&gt;x&lt;width&gt;</c> module (for an ASIC flow);
/// <paramref name="RegisteredHostPort"/> registers the host port's inputs, so a command acts one
/// cycle after it is presented (docs/rtl.md "Host port"). That is the default: it keeps the tiles'
/// host logic out of what Verilator evaluates twice per cycle. The FPGA wrapper turns it off, as its
/// host link already holds every command field in registers.
/// </summary>
public sealed record RtlOptions(bool SramMacros = false, bool RegisteredHostPort = true);
