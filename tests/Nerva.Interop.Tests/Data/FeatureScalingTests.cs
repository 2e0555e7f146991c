using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

public class FeatureScalingTests
{
    // Column 0 varies, column 1 is constant 0.1 on the training set, column 2 contains pixel-like values.
    private static readonly double[] Train = [1, 0.1, 0, 2, 0.1, 255, 3, 0.1, 51, 6, 0.1, 102];
    private static readonly double[] Test = [4, 0.6, 255, -1, 0.1, 0];

    private static DataSet LoadWith(TempFolder folder, ScalarType scalarType, FeatureScaling scaling)
    {
        string path = folder.Combine("scaling.npz");
        Npz.Save(path, new Dictionary<string, NpyArray>
        {
            ["Xtrain"] = NpyArray.Create<double>(Train, 4, 3),
            ["Ttrain"] = NpyArray.Create<int>([0, 1, 0, 1], 4),
            ["Xtest"] = NpyArray.Create<double>(Test, 2, 3),
            ["Ttest"] = NpyArray.Create<int>([1, 0], 2),
        });
        return DataSet.Load(path, new DataSetLoadOptions { ScalarType = scalarType, Scaling = scaling });
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void DivideBy255_DividesEveryValue(ScalarType scalarType)
    {
        using var folder = new TempFolder();

        DataSet data = LoadWith(folder, scalarType, FeatureScaling.DivideBy255);

        double tolerance = scalarType == ScalarType.Float32 ? 1e-7 : 1e-15;
        Assert.Equal(1.0, data.Xtrain[1, 2]);
        Assert.Equal(0.2, data.Xtrain[2, 2], tolerance);
        Assert.Equal(-1 / 255.0, data.Xtest[1, 0], tolerance);
    }

    [Fact]
    public void None_KeepsValues()
    {
        using var folder = new TempFolder();

        DataSet data = LoadWith(folder, ScalarType.Float64, FeatureScaling.None);

        Assert.Equal(Train, data.Xtrain.GetValues<double>());
        Assert.Equal(Test, data.Xtest.GetValues<double>());
    }

    [Theory]
    [InlineData(ScalarType.Float32, 1e-6)]
    [InlineData(ScalarType.Float64, 1e-14)]
    public void Standardize_UsesTrainingStatistics(ScalarType scalarType, double tolerance)
    {
        using var folder = new TempFolder();

        DataSet data = LoadWith(folder, scalarType, FeatureScaling.Standardize);

        // Column 0: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5.
        double std0 = Math.Sqrt(3.5);
        Assert.Equal(-2 / std0, data.Xtrain[0, 0], tolerance);
        Assert.Equal(3 / std0, data.Xtrain[3, 0], tolerance);
        Assert.Equal(1 / std0, data.Xtest[0, 0], tolerance);
        Assert.Equal(-4 / std0, data.Xtest[1, 0], tolerance);

        // Column 2: mean 102, population variance (102² + 153² + 51² + 0²) / 4 = 9103.5.
        double std2 = Math.Sqrt(9103.5);
        Assert.Equal(153 / std2, data.Xtest[0, 2], tolerance);
        for (int column = 0; column < 3; column += 2)
        {
            double[] values = [.. Enumerable.Range(0, 4).Select(row => data.Xtrain[row, column])];
            double mean = values.Average();
            Assert.Equal(0, mean, tolerance);
            Assert.Equal(1, Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()), tolerance * 10);
        }
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Standardize_ConstantFeature_IsCentredNotDivided(ScalarType scalarType)
    {
        using var folder = new TempFolder();

        DataSet data = LoadWith(folder, scalarType, FeatureScaling.Standardize);

        // 0.1 (rounded to the element type) is subtracted exactly, so training values are exactly 0.
        double constant = scalarType == ScalarType.Float32 ? 0.1f : 0.1;
        for (int row = 0; row < 4; row++)
        {
            Assert.Equal(0.0, data.Xtrain[row, 1]);
        }

        Assert.Equal(0.0, data.Xtest[1, 1]);
        Assert.Equal(scalarType == ScalarType.Float32 ? (float)(0.6f - constant) : 0.6 - constant, data.Xtest[0, 1], 1e-7);
        Assert.DoesNotContain(Enumerable.Range(0, 6).Select(i => data.Xtest[i / 3, i % 3]), double.IsNaN);
    }
}
