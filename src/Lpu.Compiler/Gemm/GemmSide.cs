using Lpu.Architecture.Layout;

namespace Lpu.Compiler.Gemm;

/// <summary>
/// The slices that the MXM planes of one hemisphere use (global slice numbers). The planes of a
/// side take turns on the same weight slices (one stream each); each activation slice holds a copy
/// of A, one per row chunk the side's planes work on at once; each plane writes its results to its
/// own four slices, <c>ResultSlices[i][b]</c> holding byte plane b of plane <c>Planes[i]</c>.
/// </summary>
public sealed record GemmSide(
    Hemisphere Hemisphere,
    IReadOnlyList<int> Planes,
    IReadOnlyList<int> WeightSlices,
    IReadOnlyList<int> ActivationSlices,
    IReadOnlyList<IReadOnlyList<int>> ResultSlices);
