using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lpu.Cosim.Tests")]
[assembly: InternalsVisibleTo("Lpu.Rtl.Tests")]
[assembly: InternalsVisibleTo("Lpu.Bench")]
