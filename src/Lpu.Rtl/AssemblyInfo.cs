using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lpu.Rtl.Tests")]
