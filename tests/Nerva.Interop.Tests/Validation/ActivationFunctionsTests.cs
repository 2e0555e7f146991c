namespace Nerva.Interop.Tests.Validation;

public class ActivationFunctionsTests
{
    public static TheoryData<string> Names => ActivationCases.Names;

    public static TheoryData<string, ScalarType> NamesAndScalarTypes => ActivationCases.NamesAndScalarTypes;

    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Apply_ResizesOutputAndComputesLeakyReLU(ScalarType scalarType)
    {
        using Matrix X = TestMatrices.Create([-2, 3, 0, -0.5], 2, 2, scalarType);
        using Matrix Y = TestMatrices.Empty(scalarType);

        ActivationFunctions.Apply(Activation.LeakyReLU(0.25), X, Y);

        Assert.Equal((2, 2), Y.Shape);
        Assert.Equal([-0.5, 3, 0, -0.125], TestMatrices.Read(Y));
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Derivative_ResizesOutputAndComputesLeakyReLU(ScalarType scalarType)
    {
        using Matrix X = TestMatrices.Create([-2, 3, -0.5], 1, 3, scalarType);
        using Matrix result = TestMatrices.Empty(scalarType);

        ActivationFunctions.Derivative(Activation.LeakyReLU(0.25), X, result);

        Assert.Equal((1, 3), result.Shape);
        Assert.Equal([0.25, 1, 0.25], TestMatrices.Read(result));
    }

    [Fact]
    public void AllReLUAlpha_AlternatesSignFromLayerTwo()
    {
        double[] alphas = Enumerable.Range(1, 5).Select(layer => ActivationFunctions.AllReLUAlpha(0.25, layer)).ToArray();

        Assert.Equal([0.25, -0.25, 0.25, -0.25, 0.25], alphas);
    }

    [Fact]
    public void AllReLUAlpha_LayerZeroIsRejected()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ActivationFunctions.AllReLUAlpha(0.25, 0));

        Assert.Equal("layerIndex", exception.ParamName);
    }

    // Apply and Derivative against the specification's formulas evaluated in double from the same inputs.
    // Tolerance: 1e-12 (float64) and 2e-6 (float32), relative above 1.
    [Theory]
    [MemberData(nameof(NamesAndScalarTypes))]
    public void ApplyAndDerivative_MatchSpecificationTable(string name, ScalarType scalarType)
    {
        Activation activation = ActivationCases.Get(name);
        double[] inputs = TestMatrices.Round(ActivationCases.Inputs(activation, new Random(11)), scalarType);
        using Matrix X = TestMatrices.Create(inputs, 1, inputs.Length, scalarType);
        using Matrix Y = TestMatrices.Empty(scalarType);
        using Matrix derivative = TestMatrices.Empty(scalarType);

        ActivationFunctions.Apply(activation, X, Y);
        ActivationFunctions.Derivative(activation, X, derivative);

        double tolerance = Tolerance.For(scalarType);
        Tolerance.AssertClose(inputs.Select(x => ActivationCases.Value(activation, x)).ToArray(), TestMatrices.Read(Y), tolerance, $"{name}(x)");
        Tolerance.AssertClose(inputs.Select(x => ActivationCases.Derivative(activation, x)).ToArray(), TestMatrices.Read(derivative), tolerance, $"{name}'(x)");
    }

    // Derivative against central differences of Apply in float64, at inputs 1e-3 to 0.1 from every kink.
    // Each function is element-wise, so one call on X ± h perturbs every element at once.
    [Theory]
    [MemberData(nameof(Names))]
    public void Derivative_MatchesFiniteDifferencesFloat64(string name)
    {
        Activation activation = ActivationCases.Get(name);
        double[] inputs = ActivationCases.Inputs(activation, new Random(12));
        using Matrix X = Matrix.Create<double>(inputs, 1, inputs.Length);
        using Matrix derivative = TestMatrices.Empty(ScalarType.Float64);

        ActivationFunctions.Derivative(activation, X, derivative);

        double[] plus = ApplyFloat64(activation, inputs.Select(x => x + FiniteDifferences.Step).ToArray());
        double[] minus = ApplyFloat64(activation, inputs.Select(x => x - FiniteDifferences.Step).ToArray());
        double[] expected = plus.Select((value, i) => (value - minus[i]) / (2 * FiniteDifferences.Step)).ToArray();
        Tolerance.AssertClose(expected, derivative.ToArray<double>(), Tolerance.FiniteDifference, $"{name}'(x)");
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Derivative_AtZeroIsOneForReLUFamily(ScalarType scalarType)
    {
        Activation[] activations = [Activation.ReLU, Activation.LeakyReLU(0.1), Activation.LeakyReLU(-0.2), Activation.AllReLU(0.3), Activation.AllReLU(-0.3)];
        using Matrix X = TestMatrices.Create([0, -0.0], 1, 2, scalarType);
        using Matrix result = TestMatrices.Empty(scalarType);

        foreach (Activation activation in activations)
        {
            ActivationFunctions.Derivative(activation, X, result);

            Assert.True(TestMatrices.Read(result).All(value => value == 1), $"{activation}'(±0) is {string.Join(", ", TestMatrices.Read(result))}, expected 1");
        }
    }

    // tl = −0.5 < tr = 1: x = tl takes the first case (slope al) and x = tr the third (slope ar).
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void SReLU_ThresholdsBelongToOuterCases(ScalarType scalarType)
    {
        Activation activation = Activation.SReLU(al: 0.25, tl: -0.5, ar: 0.5, tr: 1);
        using Matrix X = TestMatrices.Create([-0.5, 1, -1.5, 0.25, 3], 1, 5, scalarType);
        using Matrix Y = TestMatrices.Empty(scalarType);
        using Matrix derivative = TestMatrices.Empty(scalarType);

        ActivationFunctions.Apply(activation, X, Y);
        ActivationFunctions.Derivative(activation, X, derivative);

        // srelu(−1.5) = −0.5 + 0.25·(−1) and srelu(3) = 1 + 0.5·2.
        Assert.Equal([-0.5, 1, -0.75, 0.25, 2], TestMatrices.Read(Y));
        Assert.Equal([0.25, 0.5, 0.25, 1, 0.5], TestMatrices.Read(derivative));
    }

    // tl = 0.5 ≥ tr = 0.25: every x ≤ tl takes the first case, even x between tr and tl; x > tl takes the third.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void SReLU_OverlappingCasesTakeFirst(ScalarType scalarType)
    {
        Activation activation = Activation.SReLU(al: 0.25, tl: 0.5, ar: 2, tr: 0.25);
        using Matrix X = TestMatrices.Create([0.375, 0.5, 0.25, 0.75], 1, 4, scalarType);
        using Matrix Y = TestMatrices.Empty(scalarType);
        using Matrix derivative = TestMatrices.Empty(scalarType);

        ActivationFunctions.Apply(activation, X, Y);
        ActivationFunctions.Derivative(activation, X, derivative);

        // 0.5 + 0.25·(x − 0.5) for x ≤ 0.5; 0.25 + 2·(0.75 − 0.25) = 1.25 for x = 0.75.
        Assert.Equal([0.46875, 0.5, 0.4375, 1.25], TestMatrices.Read(Y));
        Assert.Equal([0.25, 0.25, 0.25, 2], TestMatrices.Read(derivative));
    }

    private static double[] ApplyFloat64(Activation activation, double[] inputs)
    {
        using Matrix X = Matrix.Create<double>(inputs, 1, inputs.Length);
        using Matrix Y = TestMatrices.Empty(ScalarType.Float64);
        ActivationFunctions.Apply(activation, X, Y);
        return Y.ToArray<double>();
    }
}
