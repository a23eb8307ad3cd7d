using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lpu.Architecture.Tests")]
