using Nerva.Layers;

namespace Nerva.Interop.Tests.Validation;

public class DropoutValidationTests
{
    private const int N = 4;
    private const int D = 5;
    private const int K = 3;

    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    // With q = 0 every entry of R is 1/(1 − 0) = 1 and W ⊙ R = W exactly, so all results equal the plain
    // layer's bit for bit.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void ZeroDropRate_EqualsPlainLayersBitwise(ScalarType scalarType)
    {
        using var linear = new LinearLayer(D, K, scalarType);
        using var linearDropout = new LinearDropoutLayer(D, K, 0, 3, scalarType);
        AssertSameResults(linear, linearDropout, scalarType);

        Activation activation = Activation.LeakyReLU(0.1);
        using var plain = new ActivationLayer(D, K, activation, scalarType);
        using var activationDropout = new ActivationDropoutLayer(D, K, activation, 0, 3, scalarType);
        AssertSameResults(plain, activationDropout, scalarType);
    }

    // R is K x D = 200 x 300. The number of zeros is binomial with n = 60000 and p = q = 0.3, so the drop
    // fraction has standard deviation √(q(1 − q)/n) ≈ 0.0019; the test allows 0.01 (over 5 deviations).
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Mask_HasShapeKByDAndDropRateQ(ScalarType scalarType)
    {
        const int inputs = 300, outputs = 200;
        const double q = 0.3;
        using var layer = new LinearDropoutLayer(inputs, outputs, q, 17, scalarType);
        using Matrix X = TestMatrices.Create(TestMatrices.Uniform(new Random(71), 2 * inputs), 2, inputs, scalarType);
        using Matrix Y = TestMatrices.Empty(scalarType);

        layer.Feedforward(X, Y);

        Assert.Equal((outputs, inputs), layer.GetParameterShape("R"));
        double[] R = TestMatrices.GetParameter(layer, "R");
        double kept = scalarType == ScalarType.Float32 ? (float)(1 / (1 - q)) : 1 / (1 - q);
        Assert.All(R, r => Assert.True(r == 0 || r == kept, $"mask entry {r} is neither 0 nor {kept}"));
        double dropFraction = R.Count(r => r == 0) / (double)R.Length;
        Assert.InRange(dropFraction, q - 0.01, q + 0.01);
    }

    // Each training feedforward draws a fresh mask, a frozen mask stays, and equal seeds give equal masks.
    [Fact]
    public void Mask_IsFreshPerBatchUnlessFrozen()
    {
        using var layer = new LinearDropoutLayer(20, 10, 0.5, 5, ScalarType.Float64);
        using var twin = new LinearDropoutLayer(20, 10, 0.5, 5, ScalarType.Float64);
        using Matrix X = TestMatrices.Create(TestMatrices.Uniform(new Random(72), 3 * 20), 3, 20, ScalarType.Float64);
        using Matrix Y = TestMatrices.Empty(ScalarType.Float64);

        layer.Feedforward(X, Y);
        twin.Feedforward(X, Y);
        double[] first = layer.GetParameter<double>("R");
        layer.Feedforward(X, Y);
        double[] second = layer.GetParameter<double>("R");
        layer.FreezeMask(true);
        layer.Feedforward(X, Y);

        Assert.Equal(first, twin.GetParameter<double>("R"));
        Assert.NotEqual(first, second);
        Assert.Equal(second, layer.GetParameter<double>("R"));
    }

    // Evaluation uses R = 1: the output equals the plain layer's, bit for bit, for q = 0.5.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Evaluation_UsesMaskOfOnes(ScalarType scalarType)
    {
        var random = new Random(73);
        double[] W = TestMatrices.Uniform(random, K * D, -1, 1);
        double[] b = TestMatrices.Uniform(random, K, -1, 1);
        double[] X = TestMatrices.Uniform(random, N * D);
        Activation activation = Activation.HyperbolicTangent;
        using var linear = new LinearLayer(D, K, scalarType);
        using var linearDropout = new LinearDropoutLayer(D, K, 0.5, 9, scalarType);
        using var plain = new ActivationLayer(D, K, activation, scalarType);
        using var activationDropout = new ActivationDropoutLayer(D, K, activation, 0.5, 9, scalarType);

        foreach (Layer layer in new Layer[] { linear, linearDropout, plain, activationDropout })
        {
            TestMatrices.SetParameter(layer, "W", W);
            TestMatrices.SetParameter(layer, "b", b);
            layer.SetTraining(false);
        }

        Assert.Equal(Feedforward(linear, X, scalarType), Feedforward(linearDropout, X, scalarType));
        Assert.Equal(Feedforward(plain, X, scalarType), Feedforward(activationDropout, X, scalarType));
    }

    private static double[] Feedforward(Layer layer, double[] X, ScalarType scalarType)
    {
        using Matrix input = TestMatrices.Create(X, N, D, scalarType);
        using Matrix output = TestMatrices.Empty(scalarType);
        layer.Feedforward(input, output);
        return TestMatrices.Read(output);
    }

    private static void AssertSameResults(Layer plain, Layer dropout, ScalarType scalarType)
    {
        var random = new Random(74);
        double[] W = TestMatrices.Uniform(random, K * D, -1, 1);
        double[] b = TestMatrices.Uniform(random, K, -1, 1);
        double[] X = TestMatrices.Uniform(random, N * D);
        double[] DY = TestMatrices.Uniform(random, N * K, -1, 1);

        (double[] Y, double[] DX, double[] DW, double[] Db) Run(Layer layer)
        {
            TestMatrices.SetParameter(layer, "W", W);
            TestMatrices.SetParameter(layer, "b", b);
            using Matrix input = TestMatrices.Create(X, N, D, scalarType);
            using Matrix output = TestMatrices.Empty(scalarType);
            using Matrix outputGradient = TestMatrices.Create(DY, N, K, scalarType);
            using Matrix inputGradient = TestMatrices.Empty(scalarType);
            layer.Feedforward(input, output);
            layer.Backpropagate(input, output, outputGradient, inputGradient);
            return (TestMatrices.Read(output), TestMatrices.Read(inputGradient), TestMatrices.GetParameter(layer, "DW"), TestMatrices.GetParameter(layer, "Db"));
        }

        var expected = Run(plain);
        var actual = Run(dropout);

        Assert.Equal(expected.Y, actual.Y);
        Assert.Equal(expected.DX, actual.DX);
        Assert.Equal(expected.DW, actual.DW);
        Assert.Equal(expected.Db, actual.Db);
        Assert.All(TestMatrices.GetParameter(dropout, "R"), r => Assert.Equal(1.0, r));
    }
}
