namespace Nerva.Interop.Tests.Validation;

/// <summary>
/// The losses of the specification and their gradients for row-major N x K outputs Y and targets T, evaluated
/// in double. Terms with T = 0 contribute 0, as the native library documents for 0·log 0.
/// </summary>
internal static class LossReference
{
    /// <summary>Returns L(Y, T), the sum over the batch (divided by K·N for the mean squared error).</summary>
    public static double Value(LossKind kind, double[] Y, double[] T, int N, int K)
    {
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            double[] y = TestMatrices.Row(Y, i, K);
            double[] t = TestMatrices.Row(T, i, K);
            sum += kind switch
            {
                LossKind.SquaredError or LossKind.MeanSquaredError => y.Select((value, k) => (value - t[k]) * (value - t[k])).Sum(),
                LossKind.CrossEntropy => -y.Select((value, k) => TargetTimesLog(t[k], Math.Log(value))).Sum(),
                LossKind.SoftmaxCrossEntropy => -SoftmaxReference.LogSoftmax(y).Select((value, k) => TargetTimesLog(t[k], value)).Sum(),
                LossKind.LogisticCrossEntropy => -y.Select((value, k) => TargetTimesLog(t[k], LogSigmoid(value))).Sum(),
                LossKind.NegativeLogLikelihood => -Math.Log(y.Select((value, k) => value * t[k]).Sum()),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }

        return kind == LossKind.MeanSquaredError ? sum / (K * N) : sum;
    }

    /// <summary>Returns ∇_Y L(Y, T), row-major N x K.</summary>
    public static double[] Gradient(LossKind kind, double[] Y, double[] T, int N, int K)
    {
        var DY = new double[N * K];
        for (int i = 0; i < N; i++)
        {
            double[] y = TestMatrices.Row(Y, i, K);
            double[] t = TestMatrices.Row(T, i, K);
            double[] softmax = SoftmaxReference.Softmax(y);
            double targetSum = t.Sum();
            double likelihood = y.Select((value, k) => value * t[k]).Sum();
            for (int k = 0; k < K; k++)
            {
                DY[(i * K) + k] = kind switch
                {
                    LossKind.SquaredError => 2 * (y[k] - t[k]),
                    LossKind.MeanSquaredError => 2 * (y[k] - t[k]) / (K * N),
                    LossKind.CrossEntropy => t[k] == 0 ? 0 : -t[k] / y[k],
                    LossKind.SoftmaxCrossEntropy => (softmax[k] * targetSum) - t[k],
                    LossKind.LogisticCrossEntropy => (t[k] * ActivationCases.Sigmoid(y[k])) - t[k],
                    LossKind.NegativeLogLikelihood => t[k] == 0 ? 0 : -t[k] / likelihood,
                    _ => throw new ArgumentOutOfRangeException(nameof(kind)),
                };
            }
        }

        return DY;
    }

    /// <summary>
    /// Returns outputs and targets that suit the loss. Outputs are probabilities in [0.05, 1] for cross-entropy
    /// and negative log-likelihood, and scores in [−3, 3] or [−4, 4] otherwise. Targets of the cross-entropy
    /// losses are non-negative with exact zeros, and their rows do not sum to 1, so a gradient simplified for
    /// one-hot targets fails.
    /// </summary>
    public static (double[] Y, double[] T) Inputs(LossKind kind, Random random, int N, int K)
    {
        double[] Y = kind switch
        {
            LossKind.CrossEntropy or LossKind.NegativeLogLikelihood => TestMatrices.Uniform(random, N * K, 0.05, 1),
            LossKind.LogisticCrossEntropy => TestMatrices.Uniform(random, N * K, -4, 4),
            _ => TestMatrices.Uniform(random, N * K, -3, 3),
        };
        double[] T = kind is LossKind.SquaredError or LossKind.MeanSquaredError
            ? TestMatrices.Uniform(random, N * K, -2, 2)
            : TestMatrices.Uniform(random, N * K, 0, 1).Select((value, i) => i % 3 == 1 ? 0 : value).ToArray();
        return (Y, T);
    }

    /// <summary>Returns log σ(x) = −log(1 + e^(−x)) without overflow.</summary>
    public static double LogSigmoid(double x) => x >= 0 ? -Math.Log(1 + Math.Exp(-x)) : x - Math.Log(1 + Math.Exp(x));

    private static double TargetTimesLog(double t, double logY) => t == 0 ? 0 : t * logY;
}
