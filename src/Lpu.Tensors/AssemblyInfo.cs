using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lpu.Tensors.Tests")]
