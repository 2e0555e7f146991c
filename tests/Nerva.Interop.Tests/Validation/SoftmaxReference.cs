namespace Nerva.Interop.Tests.Validation;

/// <summary>Softmax, log-softmax and their Jacobians of one row, evaluated in double with log-sum-exp.</summary>
internal static class SoftmaxReference
{
    /// <summary>Returns log(Σ_j e^(x_j)), computed as m + log(Σ_j e^(x_j − m)) with m = max(x).</summary>
    public static double LogSumExp(double[] x)
    {
        double m = x.Max();
        return m + Math.Log(x.Sum(value => Math.Exp(value - m)));
    }

    /// <summary>Returns softmax(x).</summary>
    public static double[] Softmax(double[] x)
    {
        double logSum = LogSumExp(x);
        return x.Select(value => Math.Exp(value - logSum)).ToArray();
    }

    /// <summary>Returns log-softmax(x) = x − log(e^x·1).</summary>
    public static double[] LogSoftmax(double[] x)
    {
        double logSum = LogSumExp(x);
        return x.Select(value => value - logSum).ToArray();
    }

    /// <summary>Returns the function of <paramref name="kind"/> applied to each row of a row-major matrix.</summary>
    public static double[] ApplyRows(SoftmaxKind kind, double[] X, int rows, int columns)
    {
        bool log = kind is SoftmaxKind.LogSoftmax or SoftmaxKind.StableLogSoftmax;
        var Y = new double[X.Length];
        for (int i = 0; i < rows; i++)
        {
            double[] row = TestMatrices.Row(X, i, columns);
            (log ? LogSoftmax(row) : Softmax(row)).CopyTo(Y, i * columns);
        }

        return Y;
    }

    /// <summary>Returns the Jacobian (26) of softmax at x: Diag(s) − sᵀ·s with s = softmax(x), row-major D x D.</summary>
    public static double[] SoftmaxJacobian(double[] x)
    {
        double[] s = Softmax(x);
        int D = x.Length;
        var J = new double[D * D];
        for (int i = 0; i < D; i++)
        {
            for (int j = 0; j < D; j++)
            {
                J[(i * D) + j] = (i == j ? s[i] : 0) - (s[i] * s[j]);
            }
        }

        return J;
    }

    /// <summary>Returns the Jacobian (27) of log-softmax at x: I_D − 1_D·softmax(x), row-major D x D.</summary>
    public static double[] LogSoftmaxJacobian(double[] x)
    {
        double[] s = Softmax(x);
        int D = x.Length;
        var J = new double[D * D];
        for (int i = 0; i < D; i++)
        {
            for (int j = 0; j < D; j++)
            {
                J[(i * D) + j] = (i == j ? 1 : 0) - s[j];
            }
        }

        return J;
    }

    /// <summary>Returns the row vector v·J of v (1 x D) and J (D x D, row-major).</summary>
    public static double[] RowTimes(double[] v, double[] J)
    {
        int D = v.Length;
        var product = new double[D];
        for (int j = 0; j < D; j++)
        {
            for (int i = 0; i < D; i++)
            {
                product[j] += v[i] * J[(i * D) + j];
            }
        }

        return product;
    }
}
