namespace Lpu.Rtl;

/// <summary>One port of <c>lpu_top</c>: name, width in bits, direction.</summary>
public sealed record RtlPort(string Name, int Width, bool IsInput);
