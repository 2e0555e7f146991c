namespace Nerva.Interop.Tests;

public class MatrixTests
{
    [Fact]
    public void Matrix_RoundTripsRowMajorValues()
    {
        double[] values = [1, 2, 3, 4, 5, 6];
        using Matrix matrix = Matrix.Create<double>(values, 2, 3);

        Assert.Equal((2, 3), matrix.Shape);
        Assert.Equal(ScalarType.Float64, matrix.ScalarType);
        Assert.Equal(values, matrix.ToArray<double>());
        Assert.Equal(6.0, matrix.To2DArray<double>()[1, 2]);
    }

    [Fact]
    public void Matrix_FromTwoDimensionalArrayKeepsLayout()
    {
        using Matrix matrix = Matrix.Create(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });

        Assert.Equal((3, 2), matrix.Shape);
        Assert.Equal([1f, 2, 3, 4, 5, 6], matrix.ToArray<float>());
    }

    [Fact]
    public void Matrix_NewIsZero()
    {
        using var matrix = new Matrix(2, 2, ScalarType.Float32);

        Assert.All(matrix.ToArray<float>(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Matrix_WrongCountNamesBothCounts()
    {
        using var matrix = new Matrix(2, 2, ScalarType.Float32);

        var exception = Assert.Throws<ArgumentException>(() => matrix.CopyFrom<float>(new float[3]));

        Assert.Contains("count is 3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2x2 = 4", exception.Message, StringComparison.Ordinal);
        Assert.Equal(NervaError.InvalidArgument, exception.Data[NervaException.ErrorKey]);
    }

    [Fact]
    public void Matrix_WrongElementTypeIsRejected()
    {
        using var matrix = new Matrix(1, 2, ScalarType.Float32);

        var exception = Assert.Throws<ArgumentException>(() => matrix.CopyFrom<double>(new double[2]));

        Assert.Equal("values", exception.ParamName);
        Assert.Contains("Float32", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-3, 2)]
    public void Matrix_NonPositiveDimensionIsRejected(int rows, int columns)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Matrix(rows, columns, ScalarType.Float64));
    }
}
