namespace Nerva.Interop.Tests.Validation;

public class SoftmaxFunctionsTests
{
    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    public static TheoryData<SoftmaxKind> Kinds => new(Enum.GetValues<SoftmaxKind>());

    public static TheoryData<SoftmaxKind, ScalarType> KindsAndScalarTypes
    {
        get
        {
            var data = new TheoryData<SoftmaxKind, ScalarType>();
            foreach (SoftmaxKind kind in Enum.GetValues<SoftmaxKind>())
            {
                data.Add(kind, ScalarType.Float32);
                data.Add(kind, ScalarType.Float64);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Apply_ResizesOutputAndComputesSoftmax(ScalarType scalarType)
    {
        using Matrix X = TestMatrices.Create([0, Math.Log(3)], 1, 2, scalarType);
        using Matrix Y = TestMatrices.Empty(scalarType);
        TestMatrices.Write(Y, [9]);

        SoftmaxFunctions.Apply(SoftmaxKind.Softmax, X, Y);

        Assert.Equal((1, 2), Y.Shape);
        Tolerance.AssertClose([0.25, 0.75], TestMatrices.Read(Y), Tolerance.For(scalarType), "softmax");
    }

    // At x = (0, log 3), s = (1/4, 3/4): Diag(s) − sᵀs has s_i(1 − s_i) = 3/16 on the diagonal, and
    // I − 1·s has rows e_i − s.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Jacobian_IsDByDAtRow(ScalarType scalarType)
    {
        using Matrix x = TestMatrices.Create([0, Math.Log(3)], 1, 2, scalarType);
        using Matrix J = TestMatrices.Empty(scalarType);
        double tolerance = Tolerance.For(scalarType);

        SoftmaxFunctions.Jacobian(SoftmaxKind.Softmax, x, J);

        Assert.Equal((2, 2), J.Shape);
        Tolerance.AssertClose([0.1875, -0.1875, -0.1875, 0.1875], TestMatrices.Read(J), tolerance, "softmax Jacobian");

        SoftmaxFunctions.Jacobian(SoftmaxKind.LogSoftmax, x, J);

        Tolerance.AssertClose([0.75, -0.75, -0.25, 0.25], TestMatrices.Read(J), tolerance, "log-softmax Jacobian");
    }

    [Theory]
    [MemberData(nameof(KindsAndScalarTypes))]
    public void Apply_MatchesLogSumExpReference(SoftmaxKind kind, ScalarType scalarType)
    {
        double[] values = TestMatrices.Round(TestMatrices.Uniform(new Random(21), 4 * 6, -5, 5), scalarType);
        using Matrix X = TestMatrices.Create(values, 4, 6, scalarType);
        using Matrix Y = TestMatrices.Empty(scalarType);

        SoftmaxFunctions.Apply(kind, X, Y);

        Assert.Equal((4, 6), Y.Shape);
        Tolerance.AssertClose(SoftmaxReference.ApplyRows(kind, values, 4, 6), TestMatrices.Read(Y), Tolerance.For(scalarType), kind.ToString());
    }

    // Inputs in [−20, 20] keep e^x far from overflow in both scalar types, so plain and stable forms agree.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void StableAndPlainForms_AgreeOnModerateInputs(ScalarType scalarType)
    {
        double[] values = TestMatrices.Uniform(new Random(22), 5 * 7, -20, 20);
        using Matrix X = TestMatrices.Create(values, 5, 7, scalarType);
        double tolerance = Tolerance.For(scalarType);

        Tolerance.AssertClose(Apply(SoftmaxKind.Softmax, X), Apply(SoftmaxKind.StableSoftmax, X), tolerance, "softmax");
        Tolerance.AssertClose(Apply(SoftmaxKind.LogSoftmax, X), Apply(SoftmaxKind.StableLogSoftmax, X), tolerance, "log-softmax");
    }

    // e^1000 overflows both scalar types; the stable forms subtract the row maximum first.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void StableForms_StayFiniteAtThousand(ScalarType scalarType)
    {
        double[] values = [1000, 999, -1000, -1000, -1000, -999, 1000, -1000, 0];
        using Matrix X = TestMatrices.Create(values, 3, 3, scalarType);
        double tolerance = Tolerance.For(scalarType);

        double[] softmax = Apply(SoftmaxKind.StableSoftmax, X);
        double[] logSoftmax = Apply(SoftmaxKind.StableLogSoftmax, X);

        Assert.All(softmax.Concat(logSoftmax), value => Assert.True(double.IsFinite(value), $"{value} is not finite"));
        Tolerance.AssertClose(SoftmaxReference.ApplyRows(SoftmaxKind.Softmax, values, 3, 3), softmax, tolerance, "stable softmax");
        Tolerance.AssertClose(SoftmaxReference.ApplyRows(SoftmaxKind.LogSoftmax, values, 3, 3), logSoftmax, tolerance, "stable log-softmax");

        // log-softmax of row 1 at column 1 is 999 − log(e^1000 + e^999) = −1 − log(1 + e^−1), by hand.
        Tolerance.AssertClose(-1 - Math.Log(1 + Math.Exp(-1)), logSoftmax[1], tolerance, "log-softmax(1000, 999, −1000)[1]");

        // The inputs are hard: the plain forms do overflow on them.
        Assert.Contains(Apply(SoftmaxKind.Softmax, X), value => !double.IsFinite(value));
        Assert.Contains(Apply(SoftmaxKind.LogSoftmax, X), value => !double.IsFinite(value));
    }

    // J_ij = ∂f_i/∂x_j against central differences of Apply on a 1 x 5 row with negative entries.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Jacobian_MatchesFiniteDifferencesFloat64(SoftmaxKind kind)
    {
        double[] x = [-1.5, 0.25, 2, -0.75, 0.5];
        using Matrix row = Matrix.Create<double>(x, 1, x.Length);
        using Matrix J = TestMatrices.Empty(ScalarType.Float64);

        SoftmaxFunctions.Jacobian(kind, row, J);

        double[] expected = FiniteDifferences.Jacobian(x, () =>
        {
            row.CopyFrom<double>(x);
            return Apply(kind, row);
        });
        Assert.Equal((5, 5), J.Shape);
        Tolerance.AssertClose(expected, J.ToArray<double>(), Tolerance.FiniteDifference, $"{kind} Jacobian");
    }

    // Equations (26) and (27), including a row at ±1000 where the Jacobian must still be finite.
    [Theory]
    [MemberData(nameof(KindsAndScalarTypes))]
    public void Jacobian_MatchesEquations26And27(SoftmaxKind kind, ScalarType scalarType)
    {
        bool log = kind is SoftmaxKind.LogSoftmax or SoftmaxKind.StableLogSoftmax;
        double[][] rows = [[-1.5, 0.25, 2, -0.75], [1000, 999, -1000, 0]];
        using Matrix J = TestMatrices.Empty(scalarType);

        foreach (double[] x in rows)
        {
            using Matrix row = TestMatrices.Create(x, 1, x.Length, scalarType);

            SoftmaxFunctions.Jacobian(kind, row, J);

            double[] expected = log ? SoftmaxReference.LogSoftmaxJacobian(x) : SoftmaxReference.SoftmaxJacobian(x);
            Tolerance.AssertClose(expected, TestMatrices.Read(J), Tolerance.For(scalarType), $"{kind} Jacobian at ({string.Join(", ", x)})");
        }
    }

    [Fact]
    public void Jacobian_MatrixWithSeveralRowsIsRejected()
    {
        using var x = new Matrix(2, 3, ScalarType.Float64);
        using Matrix J = TestMatrices.Empty(ScalarType.Float64);

        var exception = Assert.Throws<ArgumentException>(() => SoftmaxFunctions.Jacobian(SoftmaxKind.Softmax, x, J));

        Assert.Equal("x", exception.ParamName);
        Assert.Contains("2x3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("1x3", exception.Message, StringComparison.Ordinal);
    }

    private static double[] Apply(SoftmaxKind kind, Matrix X)
    {
        using Matrix Y = TestMatrices.Empty(X.ScalarType);
        SoftmaxFunctions.Apply(kind, X, Y);
        return TestMatrices.Read(Y);
    }
}
