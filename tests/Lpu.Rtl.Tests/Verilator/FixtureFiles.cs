using System.Runtime.CompilerServices;

namespace Lpu.Rtl.Tests.Verilator;

/// <summary>Hand-written Verilog under tests/Lpu.Rtl.Tests/Fixtures, found from this source file's path.</summary>
internal static class FixtureFiles
{
    public static string PathOf(string fileName) => Path.Combine(FixturesDirectory(), fileName);

    private static string FixturesDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Lpu.Testing.RepoPaths.OfSource(thisFile))!, "..", "Fixtures"));
}
