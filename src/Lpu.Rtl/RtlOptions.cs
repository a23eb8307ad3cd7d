namespace Lpu.Rtl;

/// <summary>
/// Generation options: <paramref name="SramMacros"/> wraps every SRAM bank in a named
/// <c>lpu_sram_&lt;depth&gt;x&lt;width&gt;</c> module (for an ASIC flow); <paramref name="Fault"/> plants a
/// known defect for tests of the co-simulator.
/// </summary>
public sealed record RtlOptions(bool SramMacros = false, PlantedFault Fault = PlantedFault.None);
