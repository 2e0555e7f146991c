using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

/// <summary>A fact that runs only when the Debian package dataset-fashion-mnist is installed.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (!File.Exists(Path.Combine(DataSet.FashionMnistFolder, "train-images-idx3-ubyte.gz")))
        {
            Skip = $"Fashion-MNIST is not installed in {DataSet.FashionMnistFolder}; install it with 'sudo apt-get install dataset-fashion-mnist' or './build.sh setup'.";
        }
    }
}

public class FashionMnistTests
{
    [FashionMnistFact]
    public void Load_Raw_HasStandardShapesAndLabels()
    {
        DataSet data = DataSet.Load("fashion-mnist");

        Assert.Equal((60000, 784), (data.Xtrain.Rows, data.Xtrain.Columns));
        Assert.Equal((10000, 784), (data.Xtest.Rows, data.Xtest.Columns));
        Assert.Equal(10, data.ClassCount);
        Assert.True(data.HasClassLabels);
        Assert.Equal(9, data.TrainLabels[0]);
        Assert.Equal(9, data.TestLabels[0]);

        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        Assert.All(data.TrainLabels.CountBy(label => label), pair => Assert.Equal(6000, pair.Value));
        Assert.All(data.TestLabels.CountBy(label => label), pair => Assert.Equal(1000, pair.Value));
        Assert.Equal(10, data.TrainLabels.Distinct().Count());

        float[] pixels = data.Xtrain.GetValues<float>();
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(255f, pixels.Max());
        Assert.All(pixels, value => Assert.Equal(MathF.Round(value), value));
    }

    [FashionMnistFact]
    public void IdxLoad_TrainImages_IsUInt8Cube()
    {
        NpyArray images = Idx.Load(Path.Combine(DataSet.FashionMnistFolder, "train-images-idx3-ubyte.gz"));

        Assert.Equal(NpyDType.UInt8, images.DType);
        Assert.Equal([60000, 28, 28], images.Shape);
    }

    [FashionMnistFact]
    public void Load_DivideBy255_MapsToUnitRange()
    {
        DataSet data = DataSet.Load("fashion-mnist", new DataSetLoadOptions { Scaling = FeatureScaling.DivideBy255, ScalarType = ScalarType.Float64 });

        double[] pixels = data.Xtest.GetValues<double>();
        Assert.Equal(0.0, pixels.Min());
        Assert.Equal(1.0, pixels.Max());
    }

    [FashionMnistFact]
    public void Load_Standardize_CentresTrainingFeatures()
    {
        DataSet data = DataSet.Load("fashion-mnist", new DataSetLoadOptions { Scaling = FeatureScaling.Standardize });

        float[] x = data.Xtrain.GetValues<float>();
        var sums = new double[784];
        var squares = new double[784];
        for (int i = 0; i < x.Length; i++)
        {
            sums[i % 784] += x[i];
            squares[i % 784] += (double)x[i] * x[i];
        }

        for (int column = 0; column < 784; column++)
        {
            double mean = sums[column] / 60000;
            Assert.Equal(0, mean, 1e-5);
            Assert.Equal(1, Math.Sqrt((squares[column] / 60000) - (mean * mean)), 1e-4);
        }
    }
}
