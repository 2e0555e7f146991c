using Nerva.Layers;

namespace Nerva.Interop.Tests.Validation;

public class BatchNormalizationValidationTests
{
    private const int N = 6;
    private const int K = 3;
    private static readonly double[] Gamma = [1.5, -0.5, 0.75];
    private static readonly double[] Beta = [0.25, -1, 0.5];

    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    // The layer computes DX in O(N·K); equation 25 forms N x N matrices. Column 2 has a small spread (about
    // 0.05) so that ε = 1e-5 matters. Tolerance 1e-12 (float64) and 2e-5 (float32, where 1/√Σ ≈ 35 amplifies
    // rounding), relative above 1.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void TrainingStep_MatchesEquation25(ScalarType scalarType)
    {
        var random = new Random(61);
        double[] spreads = [1, 3, 0.05];
        double[] offsets = [0, 2, -1];
        double[] X = TestMatrices.Round(TestMatrices.Uniform(random, N * K, -1, 1).Select((x, i) => (x * spreads[i % K]) + offsets[i % K]).ToArray(), scalarType);
        double[] DY = TestMatrices.Round(TestMatrices.Uniform(random, N * K, -1, 1), scalarType);
        using var layer = new BatchNormalizationLayer(K, scalarType);
        TestMatrices.SetParameter(layer, "gamma", Gamma);
        TestMatrices.SetParameter(layer, "beta", Beta);
        using Matrix input = TestMatrices.Create(X, N, K, scalarType);
        using Matrix output = TestMatrices.Empty(scalarType);
        using Matrix outputGradient = TestMatrices.Create(DY, N, K, scalarType);
        using Matrix inputGradient = TestMatrices.Empty(scalarType);

        layer.Feedforward(input, output);
        layer.Backpropagate(input, output, outputGradient, inputGradient);

        BatchNormalizationReference.Result expected = BatchNormalizationReference.TrainingStep(
            BatchNormalizationReference.ToRows(X, N, K), Gamma, Beta, BatchNormalizationReference.ToRows(DY, N, K), layer.Epsilon);
        double tolerance = scalarType == ScalarType.Float32 ? 2e-5 : Tolerance.Float64;
        Tolerance.AssertClose(BatchNormalizationReference.Flatten(expected.Y), TestMatrices.Read(output), tolerance, "Y");
        Tolerance.AssertClose(BatchNormalizationReference.Flatten(expected.DX), TestMatrices.Read(inputGradient), tolerance, "DX");
        Tolerance.AssertClose(expected.Dgamma, TestMatrices.GetParameter(layer, "Dgamma"), tolerance, "Dgamma");
        Tolerance.AssertClose(expected.Dbeta, TestMatrices.GetParameter(layer, "Dbeta"), tolerance, "Dbeta");
    }

    // Evaluation normalizes with the running statistics, accepts a batch of one and leaves them unchanged.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Evaluation_UsesRunningStatistics(ScalarType scalarType)
    {
        double[] mean = [0.5, -1, 2];
        double[] variance = [0.25, 4, 1e-3];
        using var layer = new BatchNormalizationLayer(K, scalarType, epsilon: 1e-4);
        TestMatrices.SetParameter(layer, "gamma", Gamma);
        TestMatrices.SetParameter(layer, "beta", Beta);
        TestMatrices.SetParameter(layer, "running_mean", mean);
        TestMatrices.SetParameter(layer, "running_variance", variance);
        layer.SetTraining(false);

        foreach (int rows in new[] { 1, 4 })
        {
            double[] X = TestMatrices.Round(TestMatrices.Uniform(new Random(62 + rows), rows * K, -3, 3), scalarType);
            using Matrix input = TestMatrices.Create(X, rows, K, scalarType);
            using Matrix output = TestMatrices.Empty(scalarType);

            layer.Feedforward(input, output);

            // 1/√(1e-3 + 1e-4) ≈ 30 amplifies the rounding of X − mean, so the tolerance is ten times the usual.
            double[] expected = X.Select((x, i) => ((x - mean[i % K]) / Math.Sqrt(variance[i % K] + 1e-4) * Gamma[i % K]) + Beta[i % K]).ToArray();
            Tolerance.AssertClose(expected, TestMatrices.Read(output), Tolerance.For(scalarType) * 10, $"Y with N = {rows}");
        }

        Tolerance.AssertClose(mean, TestMatrices.GetParameter(layer, "running_mean"), Tolerance.For(scalarType), "running_mean");
        Tolerance.AssertClose(variance, TestMatrices.GetParameter(layer, "running_variance"), Tolerance.For(scalarType), "running_variance");
    }

    // In evaluation the layer is affine in X; its DX, Dgamma and Dbeta against central differences (tolerance 1e-6).
    [Fact]
    public void Evaluation_GradientsMatchFiniteDifferences()
    {
        var random = new Random(63);
        using var layer = new BatchNormalizationLayer(K, ScalarType.Float64);
        layer.SetParameter<double>("gamma", Gamma);
        layer.SetParameter<double>("beta", Beta);
        layer.SetParameter<double>("running_mean", [0.5, -1, 2]);
        layer.SetParameter<double>("running_variance", [0.25, 4, 0.5]);
        layer.SetTraining(false);

        LayerGradientCheck.AssertMatchesFiniteDifferences(layer, TestMatrices.Uniform(random, 3 * K, -2, 2), 3, TestMatrices.Uniform(random, 3 * K, -1, 1), "gamma", "beta");
    }

    // running = (1 − momentum)·running + momentum·statistic, with the unbiased variance N/(N − 1)·Σ.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Training_UpdatesRunningStatistics(ScalarType scalarType)
    {
        double[] X = [1, -2, 0.5, 3, 2, 0.5, -1, 4, 0.5, 5, 0, 0.5];
        using var layer = new BatchNormalizationLayer(K, scalarType, momentum: 0.25);
        using Matrix input = TestMatrices.Create(X, 4, K, scalarType);
        using Matrix output = TestMatrices.Empty(scalarType);

        layer.Feedforward(input, output);

        // Column means 2, 1, 0.5; biased variances 20/4 = 5, 5, 0; unbiased 20/3, 20/3, 0.
        double[] mean = [0.25 * 2, 0.25 * 1, 0.25 * 0.5];
        double[] variance = [0.75 + (0.25 * 20 / 3), 0.75 + (0.25 * 20 / 3), 0.75];
        Tolerance.AssertClose(mean, TestMatrices.GetParameter(layer, "running_mean"), Tolerance.For(scalarType), "running_mean");
        Tolerance.AssertClose(variance, TestMatrices.GetParameter(layer, "running_variance"), Tolerance.For(scalarType), "running_variance");
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Training_BatchOfOneIsRejectedNamingN(ScalarType scalarType)
    {
        using var layer = new BatchNormalizationLayer(K, scalarType);
        using Matrix input = TestMatrices.Create([1, 2, 3], 1, K, scalarType);
        using Matrix output = TestMatrices.Empty(scalarType);

        var exception = Assert.Throws<ArgumentException>(() => layer.Feedforward(input, output));

        Assert.Equal("X", exception.ParamName);
        Assert.Contains("N >= 2", exception.Message, StringComparison.Ordinal);
        Assert.Contains("N = 1", exception.Message, StringComparison.Ordinal);
    }
}
