using Nerva.Layers;

namespace Nerva.Interop.Tests.Training;

// Statistics of W for a layer with D = 1000 inputs and K = 600 outputs (600,000 weights). D differs from K so that
// a formula that swaps them fails. With n = 600,000 the standard error of the mean is σ/775 and that of the
// standard deviation σ/1095, so the tolerances below (0.01·σ for the mean, 1% for the standard deviation) are
// about 8 and 11 standard errors wide. For uniform kinds the extremes must lie within 0.5% of each bound.
public class WeightInitializerTests
{
    private const int D = 1000;
    private const int K = 600;

    public static TheoryData<WeightInitializer, double, double> UniformCases => new()
    {
        { new WeightInitializer(WeightInitializerKind.Uniform, -0.3, 0.7), -0.3, 0.7 },
        { new WeightInitializer(WeightInitializerKind.Xavier), -1 / Math.Sqrt(D), 1 / Math.Sqrt(D) },
        { new WeightInitializer(WeightInitializerKind.XavierNormalized), -Math.Sqrt(6) / Math.Sqrt(D + K), Math.Sqrt(6) / Math.Sqrt(D + K) },
        { new WeightInitializer(WeightInitializerKind.HeUniform), -Math.Sqrt(6.0 / D), Math.Sqrt(6.0 / D) },
    };

    public static TheoryData<WeightInitializer, double, double> NormalCases => new()
    {
        { new WeightInitializer(WeightInitializerKind.Normal, 0.25, 0.5), 0.25, 0.5 },
        { new WeightInitializer(WeightInitializerKind.XavierNormal), 0, Math.Sqrt(2.0 / (D + K)) },
        { new WeightInitializer(WeightInitializerKind.He), 0, Math.Sqrt(2.0 / D) },
    };

    [Theory]
    [MemberData(nameof(UniformCases))]
    public void Uniform_BoundsMeanAndStd(WeightInitializer initializer, double low, double high)
    {
        double[] W = Initialize(initializer, seed: 3);

        Assert.True(W.Min() >= low, $"min {W.Min()} is below {low}");
        Assert.True(W.Max() <= high, $"max {W.Max()} is above {high}");
        Assert.True(W.Min() <= low + (0.005 * (high - low)), $"min {W.Min()} is not near {low}");
        Assert.True(W.Max() >= high - (0.005 * (high - low)), $"max {W.Max()} is not near {high}");
        double std = (high - low) / Math.Sqrt(12);
        Assert.Equal((low + high) / 2, Mean(W), 0.01 * std);
        Assert.Equal(std, StandardDeviation(W), 0.01 * std);
    }

    [Theory]
    [MemberData(nameof(NormalCases))]
    public void Normal_MeanAndStd(WeightInitializer initializer, double mean, double std)
    {
        double[] W = Initialize(initializer, seed: 4);

        Assert.Equal(mean, Mean(W), 0.01 * std);
        Assert.Equal(std, StandardDeviation(W), 0.01 * std);
        // A normal sample of this size has values beyond 4σ; a uniform one with the same σ never passes 1.74σ.
        Assert.True(W.Max(Math.Abs) > mean + (4 * std), $"no value beyond 4σ: max |w| = {W.Max(Math.Abs)}");
    }

    [Fact]
    public void Zero_AllWeightsZero()
    {
        double[] W = Initialize(new WeightInitializer(WeightInitializerKind.Zero), seed: 5);

        Assert.All(W, value => Assert.Equal(0.0, value));
    }

    [Theory]
    [InlineData(WeightInitializerKind.Xavier)]
    [InlineData(WeightInitializerKind.He)]
    public void Initialize_SetsBiasToZero(WeightInitializerKind kind)
    {
        using var layer = new LinearLayer(4, 3, ScalarType.Float64);
        layer.SetParameter<double>("b", [1, 2, 3]);

        layer.InitializeWeights(new WeightInitializer(kind), seed: 6);

        Assert.Equal([0.0, 0.0, 0.0], layer.GetParameter<double>("b"));
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Initialize_SameSeedSameWeights(ScalarType scalarType)
    {
        using var first = new LinearLayer(50, 20, scalarType);
        using var second = new LinearLayer(50, 20, scalarType);

        first.InitializeWeights(new WeightInitializer(WeightInitializerKind.XavierNormal), seed: 42);
        second.InitializeWeights(new WeightInitializer(WeightInitializerKind.XavierNormal), seed: 42);

        Assert.Equal(Bits(first), Bits(second));
    }

    [Fact]
    public void Initialize_DifferentSeedDifferentWeights()
    {
        using var first = new LinearLayer(50, 20, ScalarType.Float32);
        using var second = new LinearLayer(50, 20, ScalarType.Float32);

        first.InitializeWeights(new WeightInitializer(WeightInitializerKind.Xavier), seed: 42);
        second.InitializeWeights(new WeightInitializer(WeightInitializerKind.Xavier), seed: 43);

        long[] a = Bits(first);
        long[] b = Bits(second);
        int same = a.Zip(b).Count(pair => pair.First == pair.Second);
        Assert.True(same < 10, $"{same} of {a.Length} weights are equal");
    }

    [Fact]
    public void Initialize_InvalidUniformBoundsRejected()
    {
        using var layer = new LinearLayer(4, 3, ScalarType.Float32);

        var exception = Assert.Throws<ArgumentException>(
            () => layer.InitializeWeights(new WeightInitializer(WeightInitializerKind.Uniform, 1, -1), seed: 1));

        Assert.Contains("1", exception.Message, StringComparison.Ordinal);
    }

    private static double[] Initialize(WeightInitializer initializer, ulong seed)
    {
        using var layer = new LinearLayer(D, K, ScalarType.Float64);
        layer.InitializeWeights(initializer, seed);
        Assert.Equal((K, D), layer.GetParameterShape("W"));
        return layer.GetParameter<double>("W");
    }

    private static long[] Bits(LinearLayer layer) => layer.ScalarType == ScalarType.Float32
        ? Array.ConvertAll(layer.GetParameter<float>("W"), value => (long)BitConverter.SingleToInt32Bits(value))
        : Array.ConvertAll(layer.GetParameter<double>("W"), BitConverter.DoubleToInt64Bits);

    private static double Mean(double[] values) => values.Average();

    private static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / values.Length);
    }
}
