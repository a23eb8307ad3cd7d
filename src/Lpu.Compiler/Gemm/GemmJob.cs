namespace Lpu.Compiler.Gemm;

/// <summary>One unit of work: <paramref name="Plane"/> computes the rows of row chunk <paramref name="Chunk"/> in N-tile <paramref name="NTile"/>, over every K-tile.</summary>
public readonly record struct GemmJob(int Plane, int Chunk, int NTile);
