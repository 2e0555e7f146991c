namespace Nerva.Interop.Tests.Validation;

/// <summary>
/// The batch-normalization equations of the specification evaluated literally in double, with N x N matrices
/// where the equations have them. Matrices are jagged arrays [row][column].
/// </summary>
internal static class BatchNormalizationReference
{
    /// <summary>The results of one training feedforward and backpropagation.</summary>
    public sealed record Result(double[][] Y, double[][] DX, double[] Dgamma, double[] Dbeta);

    /// <summary>
    /// Evaluates R = X − (1_N·1_Nᵀ/N)·X, Σ = diag(RᵀR)ᵀ/N, Z = (1_N·(Σ + ε)^(−1/2)) ⊙ R,
    /// Y = (1_N·γ) ⊙ Z + 1_N·β, DZ = (1_N·γ) ⊙ DY, Dβ = 1_Nᵀ·DY, Dγ = 1_Nᵀ·(Z ⊙ DY) and equation 25,
    /// DX = (1/N·1_N·Σ^(−1/2)) ⊙ ((N·I_N − 1_N·1_Nᵀ)·DZ − Z ⊙ (1_N·diag(Zᵀ·DZ)ᵀ)), where Σ^(−1/2)
    /// includes ε as in Z. Equation 25 stays exact with ε, because z·zᵀ = r·rᵀ/(σ + ε).
    /// </summary>
    public static Result TrainingStep(double[][] X, double[] gamma, double[] beta, double[][] DY, double epsilon)
    {
        int N = X.Length;
        int K = X[0].Length;
        double[][] ones = Filled(N, N, 1);
        double[][] identity = Identity(N);

        // R = X − (1_N·1_Nᵀ / N)·X
        double[][] R = Subtract(X, Scale(Multiply(ones, X), 1.0 / N));

        // Σ = diag(RᵀR)ᵀ / N and the row Σ^(−1/2) = 1/√(Σ + ε)
        double[][] RtR = Multiply(Transpose(R), R);
        double[] invSqrtSigma = Enumerable.Range(0, K).Select(j => 1 / Math.Sqrt((RtR[j][j] / N) + epsilon)).ToArray();

        // Z = (1_N·Σ^(−1/2)) ⊙ R and Y = (1_N·γ) ⊙ Z + 1_N·β
        double[][] Z = Hadamard(RowRepeat(invSqrtSigma, N), R);
        double[][] Y = Add(Hadamard(RowRepeat(gamma, N), Z), RowRepeat(beta, N));

        // DZ = (1_N·γ) ⊙ DY, Dβ = 1_Nᵀ·DY, Dγ = 1_Nᵀ·(Z ⊙ DY)
        double[][] DZ = Hadamard(RowRepeat(gamma, N), DY);
        double[] Dbeta = Multiply([Enumerable.Repeat(1.0, N).ToArray()], DY)[0];
        double[] Dgamma = Multiply([Enumerable.Repeat(1.0, N).ToArray()], Hadamard(Z, DY))[0];

        // Equation 25
        double[][] ZtDZ = Multiply(Transpose(Z), DZ);
        double[] diagonal = Enumerable.Range(0, K).Select(j => ZtDZ[j][j]).ToArray();
        double[][] centered = Multiply(Subtract(Scale(identity, N), ones), DZ);
        double[][] DX = Hadamard(Scale(RowRepeat(invSqrtSigma, N), 1.0 / N), Subtract(centered, Hadamard(Z, RowRepeat(diagonal, N))));

        return new Result(Y, DX, Dgamma, Dbeta);
    }

    /// <summary>Splits a row-major array into rows.</summary>
    public static double[][] ToRows(double[] values, int rows, int columns) =>
        Enumerable.Range(0, rows).Select(i => TestMatrices.Row(values, i, columns)).ToArray();

    /// <summary>Joins rows into a row-major array.</summary>
    public static double[] Flatten(double[][] rows) => rows.SelectMany(row => row).ToArray();

    private static double[][] Filled(int rows, int columns, double value) =>
        Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(value, columns).ToArray()).ToArray();

    private static double[][] Identity(int n) =>
        Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => i == j ? 1.0 : 0).ToArray()).ToArray();

    private static double[][] RowRepeat(double[] row, int rows) => Enumerable.Range(0, rows).Select(_ => (double[])row.Clone()).ToArray();

    private static double[][] Transpose(double[][] A) =>
        Enumerable.Range(0, A[0].Length).Select(j => A.Select(row => row[j]).ToArray()).ToArray();

    private static double[][] Multiply(double[][] A, double[][] B)
    {
        var product = Filled(A.Length, B[0].Length, 0);
        for (int i = 0; i < A.Length; i++)
        {
            for (int j = 0; j < B[0].Length; j++)
            {
                for (int k = 0; k < B.Length; k++)
                {
                    product[i][j] += A[i][k] * B[k][j];
                }
            }
        }

        return product;
    }

    private static double[][] Combine(double[][] A, double[][] B, Func<double, double, double> combine) =>
        A.Select((row, i) => row.Select((value, j) => combine(value, B[i][j])).ToArray()).ToArray();

    private static double[][] Add(double[][] A, double[][] B) => Combine(A, B, (a, b) => a + b);

    private static double[][] Subtract(double[][] A, double[][] B) => Combine(A, B, (a, b) => a - b);

    private static double[][] Hadamard(double[][] A, double[][] B) => Combine(A, B, (a, b) => a * b);

    private static double[][] Scale(double[][] A, double factor) => A.Select(row => row.Select(value => value * factor).ToArray()).ToArray();
}
