namespace Nerva.Interop.Tests.Validation;

public class LossFunctionsTests
{
    private const int N = 4;
    private const int K = 5;

    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    public static TheoryData<LossKind> Kinds => new(Enum.GetValues<LossKind>());

    public static TheoryData<LossKind, ScalarType> KindsAndScalarTypes
    {
        get
        {
            var data = new TheoryData<LossKind, ScalarType>();
            foreach (LossKind kind in Enum.GetValues<LossKind>())
            {
                data.Add(kind, ScalarType.Float32);
                data.Add(kind, ScalarType.Float64);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Value_SquaredErrorByHand(ScalarType scalarType)
    {
        using Matrix Y = TestMatrices.Create([1, 2, -1], 1, 3, scalarType);
        using Matrix T = TestMatrices.Create([0, 4, -1], 1, 3, scalarType);

        Assert.Equal(5.0, LossFunctions.Value(LossKind.SquaredError, Y, T));
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Gradient_ResizesOutputAndComputesSquaredError(ScalarType scalarType)
    {
        using Matrix Y = TestMatrices.Create([1, 2, -1], 1, 3, scalarType);
        using Matrix T = TestMatrices.Create([0, 4, -1], 1, 3, scalarType);
        using Matrix DY = TestMatrices.Empty(scalarType);

        LossFunctions.Gradient(LossKind.SquaredError, Y, T, DY);

        Assert.Equal((1, 3), DY.Shape);
        Assert.Equal([2.0, -4, 0], TestMatrices.Read(DY));
    }

    // Value and gradient against the formulas of the specification evaluated in double from the same inputs.
    // Tolerance: 1e-12 (float64) and 2e-6 (float32), relative above 1.
    [Theory]
    [MemberData(nameof(KindsAndScalarTypes))]
    public void ValueAndGradient_MatchSpecification(LossKind kind, ScalarType scalarType)
    {
        (double[] outputs, double[] targets) = LossReference.Inputs(kind, new Random(31), N, K);
        outputs = TestMatrices.Round(outputs, scalarType);
        targets = TestMatrices.Round(targets, scalarType);
        using Matrix Y = TestMatrices.Create(outputs, N, K, scalarType);
        using Matrix T = TestMatrices.Create(targets, N, K, scalarType);
        using Matrix DY = TestMatrices.Empty(scalarType);

        double value = LossFunctions.Value(kind, Y, T);
        LossFunctions.Gradient(kind, Y, T, DY);

        double tolerance = Tolerance.For(scalarType);
        Tolerance.AssertClose(LossReference.Value(kind, outputs, targets, N, K), value, tolerance, $"{kind} value");
        Tolerance.AssertClose(LossReference.Gradient(kind, outputs, targets, N, K), TestMatrices.Read(DY), tolerance, $"{kind} gradient");
    }

    // ∇_Y L against central differences of the value, with targets that are not one-hot.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Gradient_MatchesFiniteDifferencesFloat64(LossKind kind)
    {
        (double[] outputs, double[] targets) = LossReference.Inputs(kind, new Random(32), N, K);
        using Matrix Y = Matrix.Create<double>(outputs, N, K);
        using Matrix T = Matrix.Create<double>(targets, N, K);
        using Matrix DY = TestMatrices.Empty(ScalarType.Float64);

        LossFunctions.Gradient(kind, Y, T, DY);

        double[] expected = FiniteDifferences.Gradient(outputs, () =>
        {
            Y.CopyFrom<double>(outputs);
            return LossFunctions.Value(kind, Y, T);
        });
        Tolerance.AssertClose(expected, DY.ToArray<double>(), Tolerance.FiniteDifference, $"{kind} gradient");
    }

    // The gradient of a batch stacks the gradients of its rows, each computed from a 1 x K call, and the value
    // is the sum of the row values. The mean squared error divides by K·N, so a row alone is N times larger.
    [Theory]
    [MemberData(nameof(KindsAndScalarTypes))]
    public void BatchGradient_StacksPerExampleGradients(LossKind kind, ScalarType scalarType)
    {
        (double[] outputs, double[] targets) = LossReference.Inputs(kind, new Random(33), N, K);
        using Matrix Y = TestMatrices.Create(outputs, N, K, scalarType);
        using Matrix T = TestMatrices.Create(targets, N, K, scalarType);
        using Matrix DY = TestMatrices.Empty(scalarType);
        double scale = kind == LossKind.MeanSquaredError ? 1.0 / N : 1;

        double batchValue = LossFunctions.Value(kind, Y, T);
        LossFunctions.Gradient(kind, Y, T, DY);

        double rowValueSum = 0;
        var stacked = new double[N * K];
        for (int i = 0; i < N; i++)
        {
            using Matrix y = TestMatrices.Create(TestMatrices.Row(outputs, i, K), 1, K, scalarType);
            using Matrix t = TestMatrices.Create(TestMatrices.Row(targets, i, K), 1, K, scalarType);
            using Matrix dy = TestMatrices.Empty(scalarType);
            rowValueSum += LossFunctions.Value(kind, y, t);
            LossFunctions.Gradient(kind, y, t, dy);
            Assert.Equal((1, K), dy.Shape);
            TestMatrices.Read(dy).Select(value => value * scale).ToArray().CopyTo(stacked, i * K);
        }

        double tolerance = Tolerance.For(scalarType);
        Tolerance.AssertClose(rowValueSum * scale, batchValue, tolerance, $"{kind} value");
        Tolerance.AssertClose(stacked, TestMatrices.Read(DY), tolerance, $"{kind} gradient");
    }

    // Row (1000, 999, −1000) with target e_2: L = −(999 − 1000 − log(1 + e^−1 + e^−2000)) = 1 + log(1 + e^−1).
    // Row (−1000, −1000, −1000) with target (0.5, 0, 0.5): L = −(0.5 + 0.5)·(−log 3) = log 3.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void SoftmaxCrossEntropy_IsExactAtThousand(ScalarType scalarType)
    {
        using Matrix Y = TestMatrices.Create([1000, 999, -1000, -1000, -1000, -1000], 2, 3, scalarType);
        using Matrix T = TestMatrices.Create([0, 1, 0, 0.5, 0, 0.5], 2, 3, scalarType);
        using Matrix DY = TestMatrices.Empty(scalarType);

        double value = LossFunctions.Value(LossKind.SoftmaxCrossEntropy, Y, T);
        LossFunctions.Gradient(LossKind.SoftmaxCrossEntropy, Y, T, DY);

        double tolerance = Tolerance.For(scalarType);
        Tolerance.AssertClose(1 + Math.Log(1 + Math.Exp(-1)) + Math.Log(3), value, tolerance, "value");
        double s0 = 1 / (1 + Math.Exp(-1));
        double[] expected = [s0, (1 - s0) - 1, 0, (1.0 / 3) - 0.5, 1.0 / 3, (1.0 / 3) - 0.5];
        Tolerance.AssertClose(expected, TestMatrices.Read(DY), tolerance, "gradient");
    }
}
