namespace Lpu.Hdl.Checks;

/// <summary>The elaboration checks; each <see cref="Diagnostic"/> names the one that failed.</summary>
public enum DiagnosticKind
{
    WidthMismatch,
    SignednessMismatch,
    Undriven,
    MultipleDrivers,
    CombinationalLoop,
    UnconnectedPort,
    NameClash,
    InvalidWidth,
    AddressOutOfRange,
    IndexOutOfRange,
    InvalidUse,
}
