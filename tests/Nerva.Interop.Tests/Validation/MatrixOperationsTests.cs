namespace Nerva.Interop.Tests.Validation;

// One check per operation of MatrixOperations: the shape of the result and hand-computed values, in both
// scalar types. X is 2 x 3 so that a row result and a column result cannot be confused.
public class MatrixOperationsTests
{
    private static readonly double[] X = [1, -2, 3, -4, 5, -6];

    public static TheoryData<ScalarType> ScalarTypes => TestMatrices.ScalarTypes;

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void ElementsSum_AddsAllElements(ScalarType scalarType)
    {
        using Matrix input = TestMatrices.Create(X, 2, 3, scalarType);

        Assert.Equal(-3.0, MatrixOperations.ElementsSum(input));
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void ColumnsSum_IsOneRow(ScalarType scalarType) =>
        AssertUnary(MatrixOperations.ColumnsSum, scalarType, (1, 3), [-3, 3, -3]);

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void RowsSum_IsOneColumn(ScalarType scalarType) =>
        AssertUnary(MatrixOperations.RowsSum, scalarType, (2, 1), [2, -5]);

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void ColumnsMax_IsOneRow(ScalarType scalarType) =>
        AssertUnary(MatrixOperations.ColumnsMax, scalarType, (1, 3), [1, 5, 3]);

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void RowsMax_IsOneColumn(ScalarType scalarType) =>
        AssertUnary(MatrixOperations.RowsMax, scalarType, (2, 1), [3, 5]);

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void ColumnsMean_DividesByRowCount(ScalarType scalarType) =>
        AssertUnary(MatrixOperations.ColumnsMean, scalarType, (1, 3), [-1.5, 1.5, -1.5]);

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void RowsMean_DividesByColumnCount(ScalarType scalarType) =>
        AssertUnary(MatrixOperations.RowsMean, scalarType, (2, 1), [2.0 / 3, -5.0 / 3]);

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void Hadamard_MultipliesElementWise(ScalarType scalarType)
    {
        using Matrix left = TestMatrices.Create(X, 2, 3, scalarType);
        using Matrix right = TestMatrices.Create([2, 0.5, -1, 1, -1, 0.5], 2, 3, scalarType);
        using Matrix result = TestMatrices.Empty(scalarType);

        MatrixOperations.Hadamard(left, right, result);

        Assert.Equal((2, 3), result.Shape);
        Assert.Equal([2.0, -1, -3, -4, -5, -3], TestMatrices.Read(result));
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void InvSqrt_AddsEpsilonBeforeRoot(ScalarType scalarType)
    {
        using Matrix input = TestMatrices.Create([3, 0, 0.25], 1, 3, scalarType);
        using Matrix result = TestMatrices.Empty(scalarType);

        MatrixOperations.InvSqrt(input, 1, result);

        Assert.Equal((1, 3), result.Shape);
        Tolerance.AssertClose([0.5, 1, 1 / Math.Sqrt(1.25)], TestMatrices.Read(result), Tolerance.For(scalarType), "inv_sqrt");
    }

    // log σ(x) = −log(1 + e^(−x)); at ±800 a naive form overflows e^800 in both scalar types.
    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void LogSigmoid_IsFiniteForLargeInputs(ScalarType scalarType)
    {
        using Matrix input = TestMatrices.Create([0, -800, 800, 2], 2, 2, scalarType);
        using Matrix result = TestMatrices.Empty(scalarType);

        MatrixOperations.LogSigmoid(input, result);

        Assert.Equal((2, 2), result.Shape);
        double[] expected = [-Math.Log(2), -800, 0, -Math.Log(1 + Math.Exp(-2))];
        Tolerance.AssertClose(expected, TestMatrices.Read(result), Tolerance.For(scalarType), "log_sigmoid");
    }

    [Fact]
    public void Operations_ResultOfOtherScalarTypeIsRejected()
    {
        using Matrix input = TestMatrices.Create(X, 2, 3, ScalarType.Float64);
        using Matrix result = TestMatrices.Empty(ScalarType.Float32);

        var exception = Assert.Throws<ArgumentException>(() => MatrixOperations.RowsSum(input, result));

        Assert.Equal("result", exception.ParamName);
        Assert.Contains("Float32", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Float64", exception.Message, StringComparison.Ordinal);
    }

    private static void AssertUnary(Action<Matrix, Matrix> operation, ScalarType scalarType, (int, int) shape, double[] expected)
    {
        using Matrix input = TestMatrices.Create(X, 2, 3, scalarType);
        using Matrix result = TestMatrices.Empty(scalarType);

        operation(input, result);

        Assert.Equal(shape, result.Shape);
        Tolerance.AssertClose(expected, TestMatrices.Read(result), Tolerance.For(scalarType), "result");
    }
}
