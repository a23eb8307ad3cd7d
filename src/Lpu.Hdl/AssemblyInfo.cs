using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lpu.Hdl.Tests")]
