using Nerva.Layers;

namespace Nerva.Interop.Tests.Validation;

/// <summary>
/// Checks a float64 layer's backpropagation against central finite differences of the loss
/// L = sum(Y ⊙ C), whose output gradient is DY = C: DX against ∂L/∂X and, for each named parameter p, the
/// layer's gradient "Dp" against ∂L/∂p.
/// </summary>
internal static class LayerGradientCheck
{
    /// <summary>Asserts DX and every gradient "D" + name within <see cref="Tolerance.FiniteDifference"/>.</summary>
    /// <param name="layer">A float64 layer with its parameters set.</param>
    /// <param name="X">The input batch, N x D, row-major.</param>
    /// <param name="N">The number of examples.</param>
    /// <param name="C">The weights of the loss, N x K, row-major; they are also DY.</param>
    /// <param name="parameterNames">The parameters to check, for example "W" and "b".</param>
    public static void AssertMatchesFiniteDifferences(Layer layer, double[] X, int N, double[] C, params string[] parameterNames)
    {
        int D = layer.InputSize;
        int K = layer.OutputSize;
        Dictionary<string, double[]> parameters = parameterNames.ToDictionary(name => name, name => layer.GetParameter<double>(name));
        using Matrix input = Matrix.Create<double>(X, N, D);
        using Matrix output = TestMatrices.Empty(ScalarType.Float64);
        using Matrix outputGradient = Matrix.Create<double>(C, N, K);
        using Matrix inputGradient = TestMatrices.Empty(ScalarType.Float64);

        layer.Feedforward(input, output);
        layer.Backpropagate(input, output, outputGradient, inputGradient);
        double[] DX = inputGradient.ToArray<double>();
        Dictionary<string, double[]> gradients = parameterNames.ToDictionary(name => name, name => layer.GetParameter<double>("D" + name));

        double Loss()
        {
            foreach ((string name, double[] values) in parameters)
            {
                layer.SetParameter<double>(name, values);
            }

            input.CopyFrom<double>(X);
            layer.Feedforward(input, output);
            double[] Y = output.ToArray<double>();
            return Y.Select((y, i) => y * C[i]).Sum();
        }

        Assert.Equal((N, D), inputGradient.Shape);
        Tolerance.AssertClose(FiniteDifferences.Gradient(X, Loss), DX, Tolerance.FiniteDifference, "DX");
        foreach ((string name, double[] values) in parameters)
        {
            Tolerance.AssertClose(FiniteDifferences.Gradient(values, Loss), gradients[name], Tolerance.FiniteDifference, "D" + name);
        }
    }

    /// <summary>
    /// Returns a bias b that puts row 0 of Z = X·Mᵀ + 1_N·b at 2e-3 beside the kinks (alternating sides and
    /// kinks over the columns), so that the check covers both sides of each kink without crossing one.
    /// </summary>
    /// <param name="X">The input, N x D.</param>
    /// <param name="M">The effective weights, K x D (W, or W ⊙ R for dropout).</param>
    /// <param name="D">The input size.</param>
    /// <param name="K">The output size.</param>
    /// <param name="kinks">The kinks of the activation; with none the bias is random.</param>
    /// <param name="random">The source of a random bias when there are no kinks.</param>
    public static double[] BiasNearKinks(double[] X, double[] M, int D, int K, double[] kinks, Random random)
    {
        if (kinks.Length == 0)
        {
            return TestMatrices.Uniform(random, K, -1, 1);
        }

        double[] firstRow = TestMatrices.MultiplyTransposed(TestMatrices.Row(X, 0, D), M, 1, D, K);
        var b = new double[K];
        for (int j = 0; j < K; j++)
        {
            double offset = j % 2 == 0 ? 2e-3 : -2e-3;
            b[j] = kinks[(j / 2) % kinks.Length] + offset - firstRow[j];
        }

        return b;
    }

    /// <summary>Asserts that no element of Z = X·Mᵀ + 1_N·b lies within <see cref="ActivationCases.KinkMargin"/> of a kink.</summary>
    public static void AssertAwayFromKinks(double[] X, double[] M, double[] b, int N, int D, int K, double[] kinks)
    {
        double[] Z = TestMatrices.MultiplyTransposed(X, M, N, D, K);
        for (int i = 0; i < Z.Length; i++)
        {
            double z = Z[i] + b[i % K];
            Assert.True(kinks.All(kink => Math.Abs(z - kink) >= ActivationCases.KinkMargin), $"Z[{i}] = {z} is too close to a kink; choose another seed");
        }
    }
}
