using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lpu.Cosim.Tests")]
