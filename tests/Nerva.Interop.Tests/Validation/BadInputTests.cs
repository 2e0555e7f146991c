using Nerva.Layers;

namespace Nerva.Interop.Tests.Validation;

// Invalid arguments through the C# API, and the IEEE results that the loss functions document for zero
// probabilities.
public class BadInputTests
{
    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    [Theory]
    [InlineData(LossKind.SquaredError)]
    [InlineData(LossKind.SoftmaxCrossEntropy)]
    [InlineData(LossKind.NegativeLogLikelihood)]
    public void Loss_MismatchedShapesNameBothShapes(LossKind kind)
    {
        using var Y = new Matrix(2, 3, ScalarType.Float64);
        using var T = new Matrix(3, 2, ScalarType.Float64);
        using Matrix DY = TestMatrices.Empty(ScalarType.Float64);

        var valueException = Assert.Throws<ArgumentException>(() => LossFunctions.Value(kind, Y, T));
        var gradientException = Assert.Throws<ArgumentException>(() => LossFunctions.Gradient(kind, Y, T, DY));

        foreach (ArgumentException exception in new[] { valueException, gradientException })
        {
            Assert.Equal("T", exception.ParamName);
            Assert.Contains("2x3", exception.Message, StringComparison.Ordinal);
            Assert.Contains("3x2", exception.Message, StringComparison.Ordinal);
            Assert.Equal(NervaError.ShapeMismatch, exception.Data[NervaException.ErrorKey]);
        }
    }

    [Fact]
    public void Hadamard_MismatchedShapesNameBothShapes()
    {
        using var X = new Matrix(2, 3, ScalarType.Float32);
        using var Y = new Matrix(2, 2, ScalarType.Float32);
        using Matrix result = TestMatrices.Empty(ScalarType.Float32);

        var exception = Assert.Throws<ArgumentException>(() => MatrixOperations.Hadamard(X, Y, result));

        Assert.Equal("Y", exception.ParamName);
        Assert.Contains("2x3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2x2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loss_TargetsOfOtherScalarTypeAreRejected()
    {
        using var Y = new Matrix(2, 3, ScalarType.Float64);
        using var T = new Matrix(2, 3, ScalarType.Float32);

        var exception = Assert.Throws<ArgumentException>(() => LossFunctions.Value(LossKind.CrossEntropy, Y, T));

        Assert.Equal("T", exception.ParamName);
        Assert.Contains("float32", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Activation_NaNAlphaIsRejected()
    {
        using Matrix X = TestMatrices.Create([1, -1], 1, 2, ScalarType.Float64);
        using Matrix Y = TestMatrices.Empty(ScalarType.Float64);

        var apply = Assert.Throws<ArgumentException>(() => ActivationFunctions.Apply(Activation.LeakyReLU(double.NaN), X, Y));
        var derivative = Assert.Throws<ArgumentException>(() => ActivationFunctions.Derivative(Activation.AllReLU(double.NaN), X, Y));
        var layer = Assert.Throws<ArgumentException>(() => new ActivationLayer(2, 2, Activation.AllReLU(double.NaN), ScalarType.Float32));
        var alternation = Assert.Throws<ArgumentException>(() => ActivationFunctions.AllReLUAlpha(double.NaN, 2));

        foreach (ArgumentException exception in new[] { apply, derivative, layer })
        {
            Assert.Equal("activation.alpha", exception.ParamName);
            Assert.Contains("nan", exception.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("alpha", alternation.ParamName);
    }

    [Fact]
    public void Activation_InfiniteSReLUThresholdIsRejected()
    {
        using Matrix X = TestMatrices.Create([1, -1], 1, 2, ScalarType.Float32);
        using Matrix Y = TestMatrices.Empty(ScalarType.Float32);

        var exception = Assert.Throws<ArgumentException>(() => ActivationFunctions.Apply(Activation.SReLU(tr: double.PositiveInfinity), X, Y));

        Assert.Equal("activation.tr", exception.ParamName);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Dropout_RateOutsideZeroToOneIsRejected(double dropRate)
    {
        var linear = Assert.Throws<ArgumentException>(() => new LinearDropoutLayer(3, 2, dropRate, 1, ScalarType.Float64));
        var activation = Assert.Throws<ArgumentException>(() => new ActivationDropoutLayer(3, 2, Activation.ReLU, dropRate, 1, ScalarType.Float32));

        foreach (ArgumentException exception in new[] { linear, activation })
        {
            Assert.Equal("drop_rate", exception.ParamName);
            Assert.Contains("[0, 1)", exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.PositiveInfinity)]
    public void Epsilon_NotPositiveAndFiniteIsRejected(double epsilon)
    {
        using Matrix X = TestMatrices.Create([1, 2], 1, 2, ScalarType.Float64);
        using Matrix result = TestMatrices.Empty(ScalarType.Float64);

        var layer = Assert.Throws<ArgumentException>(() => new BatchNormalizationLayer(2, ScalarType.Float64, epsilon));
        var invSqrt = Assert.Throws<ArgumentException>(() => MatrixOperations.InvSqrt(X, epsilon, result));

        Assert.Equal("epsilon", layer.ParamName);
        Assert.Equal("epsilon", invSqrt.ParamName);
        Assert.Contains("> 0", invSqrt.Message, StringComparison.Ordinal);
    }

    // Row 0 has Y = 0 where T = 1: the value is +∞ and that gradient entry −∞. Row 1 has Y = 0 only where
    // T = 0, which adds exactly 0; its other entries are −T/Y = −0.5/0.2 and −0.5/0.8.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void CrossEntropy_ZeroProbabilityGivesInfinity(ScalarType scalarType)
    {
        using Matrix Y = TestMatrices.Create([0, 0.5, 0.5, 0.2, 0, 0.8], 2, 3, scalarType);
        using Matrix T = TestMatrices.Create([1, 0, 0, 0.5, 0, 0.5], 2, 3, scalarType);
        using Matrix DY = TestMatrices.Empty(scalarType);

        double value = LossFunctions.Value(LossKind.CrossEntropy, Y, T);
        LossFunctions.Gradient(LossKind.CrossEntropy, Y, T, DY);

        Assert.Equal(double.PositiveInfinity, value);
        double[] gradient = TestMatrices.Read(DY);
        Assert.Equal(double.NegativeInfinity, gradient[0]);
        Assert.Equal([0.0, 0], gradient[1..3]);
        Tolerance.AssertClose([-2.5, 0, -0.625], gradient[3..], Tolerance.For(scalarType), "row 1");

        using Matrix y = TestMatrices.Create([0.2, 0, 0.8], 1, 3, scalarType);
        using Matrix t = TestMatrices.Create([0.5, 0, 0.5], 1, 3, scalarType);
        Tolerance.AssertClose(-0.5 * Math.Log(0.2 * 0.8), LossFunctions.Value(LossKind.CrossEntropy, y, t), Tolerance.For(scalarType), "zero target at zero probability");
    }

    // Row 0 has (Y ⊙ T)·1 = 0, so the value is +∞, the gradient is −∞ where T > 0 and 0 where T = 0. Row 1
    // has likelihood 0.3, with gradient −1/0.3 at its target.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void NegativeLogLikelihood_ZeroProbabilityGivesInfinity(ScalarType scalarType)
    {
        using Matrix Y = TestMatrices.Create([0, 0.3, 0.7, 0.2, 0.3, 0.5], 2, 3, scalarType);
        using Matrix T = TestMatrices.Create([1, 0, 0, 0, 1, 0], 2, 3, scalarType);
        using Matrix DY = TestMatrices.Empty(scalarType);

        double value = LossFunctions.Value(LossKind.NegativeLogLikelihood, Y, T);
        LossFunctions.Gradient(LossKind.NegativeLogLikelihood, Y, T, DY);

        Assert.Equal(double.PositiveInfinity, value);
        double[] gradient = TestMatrices.Read(DY);
        Assert.Equal(double.NegativeInfinity, gradient[0]);
        Assert.Equal([0.0, 0, 0], gradient[1..4]);
        Tolerance.AssertClose(-1 / 0.3, gradient[4], Tolerance.For(scalarType), "row 1 target");
        Assert.Equal(0.0, gradient[5]);
    }
}
