using Lpu.Hdl.Ir;

namespace Lpu.Hdl.Checks;

/// <summary>
/// Net array checks by interval arithmetic, so they cost nothing per element: every pattern stays inside the
/// array, no element has two drivers, and every element is driven.
/// </summary>
internal static class ArrayChecks
{
    public static void Run(Module module, List<Diagnostic> diagnostics)
    {
        foreach (var array in module.NetArrays)
        {
            var drivers = new List<(string What, long[] Lo, long[] Hi, SourceLocation At)>();
            var overlapping = false;
            foreach (var use in Uses(module, array))
            {
                var lo = new long[array.Dimensions.Count];
                var hi = new long[array.Dimensions.Count];
                var used = new bool[use.Loops.Length];
                for (var d = 0; d < lo.Length; d++)
                {
                    var index = use.Pattern.Indices[d];
                    var size = index.Variable >= 0 && index.Variable < use.Loops.Length ? use.Loops[index.Variable] : 1;
                    if (index.Variable >= 0 && index.Variable < used.Length)
                    {
                        used[index.Variable] = true;
                    }

                    lo[d] = index.Offset;
                    hi[d] = (long)index.Offset + size - 1;
                    if (lo[d] < 0 || hi[d] >= array.Dimensions[d])
                    {
                        diagnostics.Add(new Diagnostic(DiagnosticKind.IndexOutOfRange,
                            $"{module.Name}: index {d} of '{use.Pattern}' in {use.What} spans [{lo[d]}, {hi[d]}], out of range [0, {array.Dimensions[d]})",
                            use.At));
                    }
                }

                if (!use.Drives)
                {
                    continue;
                }

                if (used.Where((u, v) => !u && use.Loops[v] > 1).Any())
                {
                    diagnostics.Add(new Diagnostic(DiagnosticKind.MultipleDrivers,
                        $"{module.Name}: several iterations of {use.What} drive the same elements '{use.Pattern}'", use.At));
                }

                foreach (var other in drivers.Where(o => Overlap(o.Lo, o.Hi, lo, hi)))
                {
                    overlapping = true;
                    diagnostics.Add(new Diagnostic(DiagnosticKind.MultipleDrivers,
                        $"{module.Name}: elements of net array '{array.Name}' are driven by both {other.What} and {use.What}", use.At));
                }

                drivers.Add((use.What, lo, hi, use.At));
            }

            // Driver boxes are disjoint unless an overlap was reported above, so their volumes add up.
            var covered = drivers.Sum(d => Volume(d.Lo, d.Hi));
            if (covered < array.Volume && !overlapping)
            {
                diagnostics.Add(new Diagnostic(DiagnosticKind.Undriven,
                    $"{module.Name}: {array.Volume - covered} of the {array.Volume} elements of net array '{array.Name}' are never driven",
                    array.Source));
            }
        }
    }

    private static IEnumerable<(string What, NetArrayRef Pattern, int[] Loops, bool Drives, SourceLocation At)> Uses(Module module, NetArray array)
    {
        foreach (var cells in module.InstanceArrays)
        {
            foreach (var port in cells.Definition.Ports)
            {
                if (cells.ConnectionOf(port.Name) is { Pattern: { } pattern } connection && ReferenceEquals(pattern.Array, array))
                {
                    yield return ($"port '{port.Name}' of instance array '{cells.Name}'", pattern, [.. cells.Dimensions],
                        port.Kind == SignalKind.Output, connection.At);
                }
            }
        }

        foreach (var link in module.BusLinks.Where(l => ReferenceEquals(l.Pattern.Array, array)))
        {
            yield return (link.ToArray ? "Unpack" : "Pack", link.Pattern, [link.Count], link.ToArray, link.At);
        }
    }

    private static bool Overlap(long[] lo1, long[] hi1, long[] lo2, long[] hi2)
    {
        for (var d = 0; d < lo1.Length; d++)
        {
            if (hi1[d] < lo2[d] || hi2[d] < lo1[d])
            {
                return false;
            }
        }

        return true;
    }

    private static long Volume(long[] lo, long[] hi)
    {
        var volume = 1L;
        for (var d = 0; d < lo.Length; d++)
        {
            volume *= Math.Max(0, hi[d] - lo[d] + 1);
        }

        return volume;
    }
}
