using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Lpu.Model.Tests")]
