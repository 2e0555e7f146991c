using Nerva.Layers;

namespace Nerva.Interop.Tests;

public class LinearLayerTests
{
    [Fact]
    public void Feedforward_MatchesReferenceLoopFloat64()
    {
        var random = new Random(5);
        (double[] W, double[] b, double[] X) = (RandomValues(random, 3 * 4), RandomValues(random, 3), RandomValues(random, 5 * 4));
        using var layer = new LinearLayer(4, 3, ScalarType.Float64);
        layer.SetParameter<double>("W", W);
        layer.SetParameter<double>("b", b);
        using Matrix input = Matrix.Create<double>(X, 5, 4);
        using var output = new Matrix(1, 1, ScalarType.Float64);

        layer.Feedforward(input, output);

        Assert.Equal((5, 3), output.Shape);
        double[] expected = ReferenceFeedforward(X, W, b, 5, 4, 3);
        double[] actual = output.ToArray<double>();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }

    [Fact]
    public void Feedforward_MatchesReferenceLoopFloat32()
    {
        var random = new Random(6);
        (double[] W, double[] b, double[] X) = (RandomValues(random, 2 * 7), RandomValues(random, 2), RandomValues(random, 3 * 7));
        using var layer = new LinearLayer(7, 2, ScalarType.Float32);
        layer.SetParameter<float>("W", ToSingle(W));
        layer.SetParameter<float>("b", ToSingle(b));
        using Matrix input = Matrix.Create<float>(ToSingle(X), 3, 7);
        using var output = new Matrix(1, 1, ScalarType.Float32);

        layer.Feedforward(input, output);

        double[] expected = ReferenceFeedforward(ToDouble(ToSingle(X)), ToDouble(ToSingle(W)), ToDouble(ToSingle(b)), 3, 7, 2);
        float[] actual = output.ToArray<float>();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }
    }

    [Fact]
    public void Backpropagate_WithoutDXStillComputesDW()
    {
        using var layer = new LinearLayer(2, 1, ScalarType.Float64);
        using Matrix input = Matrix.Create<double>([1, 2, 3, 4], 2, 2);
        using var output = new Matrix(1, 1, ScalarType.Float64);
        using Matrix outputGradient = Matrix.Create<double>([1, 1], 2, 1);

        layer.Feedforward(input, output);
        layer.Backpropagate(input, output, outputGradient, null);

        Assert.Equal([4.0, 6.0], layer.GetParameter<double>("DW"));
        Assert.Equal([2.0], layer.GetParameter<double>("Db"));
    }

    [Fact]
    public void Feedforward_WrongInputWidthNamesBothShapes()
    {
        using var layer = new LinearLayer(4, 3, ScalarType.Float32);
        using var input = new Matrix(2, 5, ScalarType.Float32);
        using var output = new Matrix(1, 1, ScalarType.Float32);

        var exception = Assert.Throws<ArgumentException>(() => layer.Feedforward(input, output));

        Assert.Equal("X", exception.ParamName);
        Assert.Contains("2x5", exception.Message, StringComparison.Ordinal);
        Assert.Contains("N x 4", exception.Message, StringComparison.Ordinal);
        Assert.Equal(NervaError.ShapeMismatch, exception.Data[NervaException.ErrorKey]);
    }

    [Fact]
    public void Feedforward_MatrixOfOtherScalarTypeIsRejected()
    {
        using var layer = new LinearLayer(2, 2, ScalarType.Float64);
        using var input = new Matrix(1, 2, ScalarType.Float32);
        using var output = new Matrix(1, 1, ScalarType.Float64);

        var exception = Assert.Throws<ArgumentException>(() => layer.Feedforward(input, output));

        Assert.Equal("X", exception.ParamName);
        Assert.Contains("float32", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_AreNamedWithShapes()
    {
        using var layer = new LinearLayer(5, 2, ScalarType.Float32);

        Assert.Equal(["W", "DW", "b", "Db"], layer.ParameterNames);
        Assert.Equal((2, 5), layer.GetParameterShape("W"));
        Assert.Equal((1, 2), layer.GetParameterShape("b"));
        Assert.Equal(5, layer.InputSize);
        Assert.Equal(2, layer.OutputSize);
        var exception = Assert.Throws<ArgumentException>(() => layer.GetParameterShape("gamma"));
        Assert.Contains("'gamma'", exception.Message, StringComparison.Ordinal);
    }

    private static double[] ReferenceFeedforward(double[] X, double[] W, double[] b, int N, int D, int K)
    {
        var Y = new double[N * K];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < K; j++)
            {
                double sum = b[j];
                for (int k = 0; k < D; k++)
                {
                    sum += X[(i * D) + k] * W[(j * D) + k];
                }

                Y[(i * K) + j] = sum;
            }
        }

        return Y;
    }

    private static double[] RandomValues(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

    private static float[] ToSingle(double[] values) => values.Select(v => (float)v).ToArray();

    private static double[] ToDouble(float[] values) => values.Select(v => (double)v).ToArray();
}
