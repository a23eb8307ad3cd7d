namespace Lpu.Hdl.Verilog;

/// <summary>What the file headers say: the generator's name and version and a hash of the configuration
/// that produced the design (opaque to the HDL library). No timestamps, no paths.</summary>
public sealed record EmitOptions(string GeneratorVersion, string ConfigurationHash, string Generator = "Lpu.Hardware");
