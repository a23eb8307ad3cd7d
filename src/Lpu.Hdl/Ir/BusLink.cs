namespace Lpu.Hdl.Ir;

/// <summary>A generate loop between a flat bus and net array elements: for k in [0, Count),
/// slice k of the bus (bits [k*W +: W]) and element <c>Pattern(k)</c>. <see cref="ToArray"/> says which way.</summary>
internal sealed record BusLink(Expr Bus, NetArrayRef Pattern, int Count, bool ToArray, SourceLocation At);
