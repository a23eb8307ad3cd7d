namespace Lpu.Testing;

/// <summary>The int8 GEMM by its definition, a plain triple loop independent of everything under test.</summary>
public static class PlainGemm
{
    /// <summary>C[i, j] = sum over p of A[i, p] x B[p, j], summed in 64 bits and wrapped to 32; all row-major.</summary>
    public static int[] Int8(sbyte[] a, sbyte[] b, int m, int k, int n)
    {
        var c = new int[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                long sum = 0;
                for (var p = 0; p < k; p++)
                    sum += a[(i * k) + p] * b[(p * n) + j];
                c[(i * n) + j] = unchecked((int)sum);
            }
        }

        return c;
    }
}
