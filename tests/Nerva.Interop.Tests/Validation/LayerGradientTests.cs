using Nerva.Layers;

namespace Nerva.Interop.Tests.Validation;

// Central finite differences in float64 of L = sum(Y ⊙ C) against DX and every parameter gradient, with
// tolerance 1e-6 (relative above 1). Inputs and weights lie in [−1, 1] and include negative values. D ≠ K, so
// a transposed W or DW has the wrong shape, and C is random, so a wrong sign or scale shows.
public class LayerGradientTests
{
    private const int N = 4;
    private const int D = 5;
    private const int K = 3;

    public static TheoryData<string> ActivationNames => ActivationCases.Names;

    public static TheoryData<string> DropoutActivationNames => ActivationCases.NamesWithoutSReLU;

    [Fact]
    public void LinearLayer_MatchesFiniteDifferences()
    {
        var random = new Random(41);
        using var layer = new LinearLayer(D, K, ScalarType.Float64);
        layer.SetParameter<double>("W", TestMatrices.Uniform(random, K * D, -1, 1));
        layer.SetParameter<double>("b", TestMatrices.Uniform(random, K, -1, 1));

        LayerGradientCheck.AssertMatchesFiniteDifferences(layer, TestMatrices.Uniform(random, N * D, -1, 1), N, TestMatrices.Uniform(random, N * K, -1, 1), "W", "b");
    }

    // Row 0 of Z lies 2e-3 beside the kinks; SReLU also checks al, tl, ar, tr, including the case tl ≥ tr.
    [Theory]
    [MemberData(nameof(ActivationNames))]
    public void ActivationLayer_MatchesFiniteDifferences(string name)
    {
        Activation activation = ActivationCases.Get(name);
        var random = new Random(42);
        double[] X = TestMatrices.Uniform(random, N * D, -1, 1);
        double[] W = TestMatrices.Uniform(random, K * D, -1, 1);
        double[] kinks = ActivationCases.Kinks(activation);
        double[] b = LayerGradientCheck.BiasNearKinks(X, W, D, K, kinks, random);
        LayerGradientCheck.AssertAwayFromKinks(X, W, b, N, D, K, kinks);
        using var layer = new ActivationLayer(D, K, activation, ScalarType.Float64);
        layer.SetParameter<double>("W", W);
        layer.SetParameter<double>("b", b);
        string[] parameters = activation.Kind == ActivationKind.SReLU ? ["W", "b", "al", "tl", "ar", "tr"] : ["W", "b"];

        LayerGradientCheck.AssertMatchesFiniteDifferences(layer, X, N, TestMatrices.Uniform(random, N * K, -1, 1), parameters);
    }

    [Fact]
    public void SoftmaxLayer_MatchesFiniteDifferences()
    {
        var random = new Random(43);
        using var layer = new SoftmaxLayer(D, K, ScalarType.Float64);
        layer.SetParameter<double>("W", TestMatrices.Uniform(random, K * D, -1, 1));
        layer.SetParameter<double>("b", TestMatrices.Uniform(random, K, -1, 1));

        LayerGradientCheck.AssertMatchesFiniteDifferences(layer, TestMatrices.Uniform(random, N * D, -1, 1), N, TestMatrices.Uniform(random, N * K, -1, 1), "W", "b");
    }

    [Fact]
    public void LogSoftmaxLayer_MatchesFiniteDifferences()
    {
        var random = new Random(44);
        using var layer = new LogSoftmaxLayer(D, K, ScalarType.Float64);
        layer.SetParameter<double>("W", TestMatrices.Uniform(random, K * D, -1, 1));
        layer.SetParameter<double>("b", TestMatrices.Uniform(random, K, -1, 1));

        LayerGradientCheck.AssertMatchesFiniteDifferences(layer, TestMatrices.Uniform(random, N * D, -1, 1), N, TestMatrices.Uniform(random, N * K, -1, 1), "W", "b");
    }

    // Columns of X have different means and spreads, and γ has a negative entry.
    [Fact]
    public void BatchNormalizationLayer_MatchesFiniteDifferences()
    {
        const int size = 4;
        var random = new Random(45);
        double[] X = TestMatrices.Uniform(random, 5 * size, -1, 1).Select((x, i) => (x * (1 + (i % size))) + (i % size) - 1.5).ToArray();
        using var layer = new BatchNormalizationLayer(size, ScalarType.Float64);
        layer.SetParameter<double>("gamma", [1.5, -0.5, 0.75, 2]);
        layer.SetParameter<double>("beta", TestMatrices.Uniform(random, size, -1, 1));

        LayerGradientCheck.AssertMatchesFiniteDifferences(layer, X, 5, TestMatrices.Uniform(random, 5 * size, -1, 1), "gamma", "beta");
    }

    [Fact]
    public void LinearDropoutLayer_FrozenMaskMatchesFiniteDifferences()
    {
        var random = new Random(46);
        using var layer = new LinearDropoutLayer(D, K, 0.5, 7, ScalarType.Float64);
        layer.SetParameter<double>("W", TestMatrices.Uniform(random, K * D, -1, 1));
        layer.SetParameter<double>("b", TestMatrices.Uniform(random, K, -1, 1));
        layer.SetParameter<double>("R", Mask(0.5));
        layer.FreezeMask(true);

        LayerGradientCheck.AssertMatchesFiniteDifferences(layer, TestMatrices.Uniform(random, N * D, -1, 1), N, TestMatrices.Uniform(random, N * K, -1, 1), "W", "b");
        Assert.Equal(Mask(0.5), layer.GetParameter<double>("R"));
    }

    [Theory]
    [MemberData(nameof(DropoutActivationNames))]
    public void ActivationDropoutLayer_FrozenMaskMatchesFiniteDifferences(string name)
    {
        Activation activation = ActivationCases.Get(name);
        var random = new Random(47);
        double[] X = TestMatrices.Uniform(random, N * D, -1, 1);
        double[] W = TestMatrices.Uniform(random, K * D, -1, 1);
        double[] R = Mask(0.5);
        double[] masked = W.Select((w, i) => w * R[i]).ToArray();
        double[] kinks = ActivationCases.Kinks(activation);
        double[] b = LayerGradientCheck.BiasNearKinks(X, masked, D, K, kinks, random);
        LayerGradientCheck.AssertAwayFromKinks(X, masked, b, N, D, K, kinks);
        using var layer = new ActivationDropoutLayer(D, K, activation, 0.5, 7, ScalarType.Float64);
        layer.SetParameter<double>("W", W);
        layer.SetParameter<double>("b", b);
        layer.SetParameter<double>("R", R);
        layer.FreezeMask(true);

        LayerGradientCheck.AssertMatchesFiniteDifferences(layer, X, N, TestMatrices.Uniform(random, N * K, -1, 1), "W", "b");
    }

    // A fixed K x D mask of a layer with drop rate q: every third entry dropped, the others 1/(1 − q).
    private static double[] Mask(double q) =>
        Enumerable.Range(0, K * D).Select(i => i % 3 == 0 ? 0 : 1 / (1 - q)).ToArray();
}
