using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lpu.Compiler.Tests")]
