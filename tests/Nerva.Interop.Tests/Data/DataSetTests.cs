using Nerva.Data;

namespace Nerva.Interop.Tests.Data;

public class DataSetTests
{
    // Xtrain is 5 x 3 with element (i, j) = 10i + j, Xtest is 2 x 3.
    private static NpyArray Xtrain => NpyArray.Create<double>([.. Enumerable.Range(0, 15).Select(k => (double)((10 * (k / 3)) + (k % 3)))], 5, 3);

    private static NpyArray Xtest => NpyArray.Create<float>([0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f], 2, 3);

    private static string WriteNpz(TempFolder folder, Dictionary<string, NpyArray> arrays)
    {
        string path = folder.Combine("data.npz");
        Npz.Save(path, arrays);
        return path;
    }

    private static Dictionary<string, NpyArray> Arrays(NpyArray ttrain, NpyArray ttest) => new()
    {
        ["Xtrain"] = Xtrain,
        ["Ttrain"] = ttrain,
        ["Xtest"] = Xtest,
        ["Ttest"] = ttest,
    };

    [Fact]
    public void Load_NpzWithClassIndices_ReturnsLabels()
    {
        using var folder = new TempFolder();
        string path = WriteNpz(folder, Arrays(NpyArray.Create<long>([2, 0, 1, 2, 0], 5), NpyArray.Create<byte>([1, 4], 2)));

        DataSet data = DataSet.Load(path);

        Assert.True(data.HasClassLabels);
        Assert.Equal([2, 0, 1, 2, 0], data.TrainLabels);
        Assert.Equal([1, 4], data.TestLabels);
        Assert.Equal(5, data.ClassCount);
        Assert.Equal(3, data.FeatureCount);
        Assert.Equal(ScalarType.Float32, data.ScalarType);
        Assert.Equal([.. Enumerable.Range(0, 15).Select(k => (float)((10 * (k / 3)) + (k % 3)))], data.Xtrain.GetValues<float>());
        Assert.Equal([0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f], data.Xtest.GetValues<float>());
        Assert.Null(data.Ttrain);
    }

    [Fact]
    public void Load_NpzWithOneHotRows_ReturnsLabelsAndWidth()
    {
        using var folder = new TempFolder();
        float[] oneHot = [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0];
        string path = WriteNpz(folder, Arrays(NpyArray.Create<float>(oneHot, 5, 4), NpyArray.Create<long>([0, 2], 2)));

        DataSet data = DataSet.Load(path);

        Assert.True(data.HasClassLabels);
        Assert.Equal([1, 0, 2, 1, 0], data.TrainLabels);
        Assert.Equal([0, 2], data.TestLabels);
        Assert.Equal(4, data.ClassCount);
    }

    [Fact]
    public void Load_NpzWithRealTargets_KeepsMatrices()
    {
        using var folder = new TempFolder();
        double[] targets = [0.5, 0, 1, 0, 0, 1, 1, 0, 0, 1];
        string path = WriteNpz(folder, Arrays(NpyArray.Create<double>(targets, 5, 2), NpyArray.Create<double>([0, 1, 1, 0], 2, 2)));

        DataSet data = DataSet.Load(path, new DataSetLoadOptions { ScalarType = ScalarType.Float64 });

        Assert.False(data.HasClassLabels);
        Assert.Null(data.TrainLabels);
        Assert.Equal(targets, data.Ttrain.GetValues<double>());
        Assert.Equal([0.0, 1, 1, 0], data.Ttest.GetValues<double>());
        Assert.Equal(2, data.ClassCount);
        Assert.Equal(ScalarType.Float64, data.Xtrain.ScalarType);
        Assert.Equal(41.0, data.Xtrain[4, 1]);
    }

    [Fact]
    public void Load_Float64_GivesDoubleArrays()
    {
        using var folder = new TempFolder();
        string path = WriteNpz(folder, Arrays(NpyArray.Create<int>([0, 1, 0, 1, 0], 5), NpyArray.Create<int>([1, 1], 2)));

        DataSet data = DataSet.Load(path, new DataSetLoadOptions { ScalarType = ScalarType.Float64 });

        Assert.Equal(0.5, data.Xtest.GetValues<double>()[0]);
        Assert.Throws<InvalidOperationException>(() => data.Xtrain.GetValues<float>());
        Assert.Same(data.Xtrain.GetValues<double>(), data.Xtrain.GetValues<double>());
    }

    [Fact]
    public void Load_ThreeDimensionalInputs_FlattensTrailingDimensions()
    {
        using var folder = new TempFolder();
        var arrays = Arrays(NpyArray.Create<int>([0, 1], 2), NpyArray.Create<int>([1], 1));
        arrays["Xtrain"] = NpyArray.Create<byte>([.. Enumerable.Range(0, 12).Select(i => (byte)i)], 2, 2, 3);
        arrays["Xtest"] = NpyArray.Create<byte>([.. Enumerable.Range(0, 6).Select(i => (byte)i)], 1, 3, 2);
        string path = WriteNpz(folder, arrays);

        DataSet data = DataSet.Load(path);

        Assert.Equal((2, 6), (data.Xtrain.Rows, data.Xtrain.Columns));
        Assert.Equal(7.0, data.Xtrain[1, 1]);
        Assert.Equal((1, 6), (data.Xtest.Rows, data.Xtest.Columns));
    }

    [Fact]
    public void SaveAndLoad_DataSet_RoundTrips()
    {
        using var folder = new TempFolder();
        string path = WriteNpz(folder, Arrays(NpyArray.Create<long>([2, 0, 1, 2, 0], 5), NpyArray.Create<long>([1, 0], 2)));
        DataSet data = DataSet.Load(path);
        string copy = folder.Combine("copy.npz");

        data.Save(copy);
        DataSet read = DataSet.Load(copy);

        Assert.Equal(data.Xtrain.GetValues<float>(), read.Xtrain.GetValues<float>());
        Assert.Equal(data.Xtest.GetValues<float>(), read.Xtest.GetValues<float>());
        Assert.Equal(data.TrainLabels, read.TrainLabels);
        Assert.Equal(data.TestLabels, read.TestLabels);
        Assert.Equal(NpyDType.Int64, Npz.Load(copy)["Ttrain"].DType);
    }

    [Fact]
    public void Load_IdxFolder_MixedGzipAndPlainNames()
    {
        using var folder = new TempFolder();
        folder.Write("train-images-idx3-ubyte.gz", Fixtures.Gzip(Fixtures.IdxImages(3, 2, 2)));
        folder.Write("train-labels-idx1-ubyte", Fixtures.IdxLabels(4, 0, 1));
        folder.Write("t10k-images.idx3-ubyte", Fixtures.IdxImages(2, 2, 2));
        folder.Write("t10k-labels.idx1-ubyte.gz", Fixtures.Gzip(Fixtures.IdxLabels(1, 2)));

        DataSet data = DataSet.Load(folder.Path);

        Assert.Equal((3, 4), (data.Xtrain.Rows, data.Xtrain.Columns));
        Assert.Equal((2, 4), (data.Xtest.Rows, data.Xtest.Columns));
        Assert.True(data.HasClassLabels);
        Assert.Equal([4, 0, 1], data.TrainLabels);
        Assert.Equal(5, data.ClassCount);
        Assert.Equal((double)((11 * 7) % 256), data.Xtrain[2, 3]);
    }

    [Fact]
    public void Load_IdxFolderMissingLabels_NamesFile()
    {
        using var folder = new TempFolder();
        folder.Write("train-images-idx3-ubyte", Fixtures.IdxImages(3, 2, 2));
        folder.Write("train-labels-idx1-ubyte", Fixtures.IdxLabels(4, 0, 1));
        folder.Write("t10k-images-idx3-ubyte", Fixtures.IdxImages(2, 2, 2));

        var exception = Assert.Throws<DataSetNotFoundException>(() => DataSet.Load(folder.Path));

        Assert.Contains("has no t10k-labels-idx1-ubyte (or t10k-labels-idx1-ubyte.gz)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IdxLabelCountMismatch_NamesCounts()
    {
        using var folder = new TempFolder();
        folder.Write("train-images-idx3-ubyte", Fixtures.IdxImages(3, 2, 2));
        folder.Write("train-labels-idx1-ubyte", Fixtures.IdxLabels(4, 0));
        folder.Write("t10k-images-idx3-ubyte", Fixtures.IdxImages(2, 2, 2));
        folder.Write("t10k-labels-idx1-ubyte", Fixtures.IdxLabels(1, 2));

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(folder.Path));

        Assert.Contains("has 3 examples in train-images-idx3-ubyte but 2 targets in train-labels-idx1-ubyte", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Xtrain", 3, 1, double.NaN, "NaN")]
    [InlineData("Xtrain", 4, 2, double.PositiveInfinity, "+infinity")]
    [InlineData("Xtest", 1, 0, double.NegativeInfinity, "-infinity")]
    [InlineData("Ttrain", 2, 1, double.NaN, "NaN")]
    [InlineData("Ttest", 0, 0, double.PositiveInfinity, "+infinity")]
    public void Load_NonFiniteValue_NamesArrayAndPosition(string name, int row, int column, double value, string expected)
    {
        using var folder = new TempFolder();
        var arrays = Arrays(NpyArray.Create<double>([.. Enumerable.Repeat(0.5, 10)], 5, 2), NpyArray.Create<double>([0.5, 0.5, 0.5, 0.5], 2, 2));
        int columns = arrays[name].Shape[1];
        double[] values = arrays[name].ToDoubleArray();
        values[(row * columns) + column] = value;
        arrays[name] = NpyArray.Create<double>(values, arrays[name].Shape[0], columns);
        string path = WriteNpz(folder, arrays);

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path, new DataSetLoadOptions { ScalarType = ScalarType.Float64 }));

        Assert.Contains($"The array {name} in '{path}' contains {expected}", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"at row {row}, column {column}.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, exception.FilePath);
    }

    [Fact]
    public void Load_Float64BeyondFloat32Range_Rejected()
    {
        using var folder = new TempFolder();
        var arrays = Arrays(NpyArray.Create<long>([0, 1, 0, 1, 0], 5), NpyArray.Create<long>([1, 0], 2));
        double[] values = Xtrain.ToDoubleArray();
        values[7] = 1e300;
        arrays["Xtrain"] = NpyArray.Create<double>(values, 5, 3);
        string path = WriteNpz(folder, arrays);

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains("Xtrain", exception.Message, StringComparison.Ordinal);
        Assert.Contains("+infinity (or a value beyond the float32 range", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at row 2, column 1.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingArray_ListsArraysInFile()
    {
        using var folder = new TempFolder();
        var arrays = Arrays(NpyArray.Create<int>([0, 1, 0, 1, 0], 5), NpyArray.Create<int>([1, 1], 2));
        arrays.Remove("Ttest");
        string path = WriteNpz(folder, arrays);

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains($"The data set '{path}' has no array 'Ttest'. It has Xtrain, Ttrain, Xtest.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, exception.FilePath);
    }

    [Fact]
    public void Load_RowMismatch_NamesBothCounts()
    {
        using var folder = new TempFolder();
        string path = WriteNpz(folder, Arrays(NpyArray.Create<int>([0, 1, 0, 1], 4), NpyArray.Create<int>([1, 1], 2)));

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains("has 5 examples in Xtrain but 4 targets in Ttrain", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ColumnMismatch_NamesBothCounts()
    {
        using var folder = new TempFolder();
        var arrays = Arrays(NpyArray.Create<int>([0, 1, 0, 1, 0], 5), NpyArray.Create<int>([1, 1], 2));
        arrays["Xtest"] = NpyArray.Create<float>([1, 2, 3, 4], 2, 2);
        string path = WriteNpz(folder, arrays);

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains("3 features per training example but 2 per test example", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NegativeLabel_NamesValueAndIndex()
    {
        using var folder = new TempFolder();
        string path = WriteNpz(folder, Arrays(NpyArray.Create<int>([0, 1, 0, -1, 0], 5), NpyArray.Create<int>([1, 1], 2)));

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains("Ttrain", exception.Message, StringComparison.Ordinal);
        Assert.Contains("the label -1 at index 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FractionalLabel_Throws()
    {
        using var folder = new TempFolder();
        string path = WriteNpz(folder, Arrays(NpyArray.Create<double>([0, 1, 0, 1, 0], 5), NpyArray.Create<double>([1, 0.5], 2)));

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains("0.5 at index 1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Ttest.npy", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IndicesWithRealMatrix_Throws()
    {
        using var folder = new TempFolder();
        string path = WriteNpz(folder, Arrays(NpyArray.Create<int>([0, 1, 0, 1, 0], 5), NpyArray.Create<double>([0.2, 0.8, 1, 0], 2, 2)));

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains("class indices in Ttrain but a real-valued 2-d matrix in Ttest", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 5 }, "inputs need at least 2 dimensions")]
    [InlineData(new[] { 5, 0 }, "no features")]
    public void Load_BadInputShape_Throws(int[] shape, string problem)
    {
        using var folder = new TempFolder();
        var arrays = Arrays(NpyArray.Create<int>([0, 1, 0, 1, 0], 5), NpyArray.Create<int>([1, 1], 2));
        arrays["Xtrain"] = NpyArray.Create<float>(new float[shape.Aggregate(1, (a, b) => a * b)], shape);
        string path = WriteNpz(folder, arrays);

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPath_ThrowsNotFound()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("nothing-here");

        var exception = Assert.Throws<DataSetNotFoundException>(() => DataSet.Load(path));

        Assert.Contains($"The data set '{path}' does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FolderWithoutDataFiles_ThrowsNotFound()
    {
        using var folder = new TempFolder();
        folder.Write("notes.txt", [1]);

        var exception = Assert.Throws<DataSetNotFoundException>(() => DataSet.Load(folder.Path));

        Assert.Contains("contains neither MNIST-format IDX files", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TextFile_ThrowsFormat()
    {
        using var folder = new TempFolder();
        string path = folder.Write("data.csv", "1,2,3"u8.ToArray());

        var exception = Assert.Throws<DataFormatException>(() => DataSet.Load(path));

        Assert.Contains("is not an .npz archive", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FashionMnistNotInstalled_SaysHowToInstall()
    {
        using var folder = new TempFolder();
        var options = new DataSetLoadOptions { FashionMnistFolder = folder.Combine("absent") };

        var exception = Assert.Throws<DataSetNotFoundException>(() => DataSet.Load("fashion-mnist", options));

        Assert.Contains("sudo apt-get install dataset-fashion-mnist", exception.Message, StringComparison.Ordinal);
        Assert.Contains("./build.sh setup", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LabelOutOfRange_Throws()
    {
        var x = new DataMatrix(new float[4], 2, 2);

        Assert.Throws<ArgumentException>(() => new DataSet(x, [0, 3], x, [0, 1], 3));
        Assert.Throws<ArgumentException>(() => new DataSet(x, [0], x, [0, 1], 3));
    }

    [Fact]
    public void OneHot_Labels_SetsOneColumnPerRow()
    {
        DataMatrix oneHot = DataMatrix.OneHot([2, 0], 3, ScalarType.Float64);

        Assert.Equal([0.0, 0, 1, 1, 0, 0], oneHot.GetValues<double>());
        Assert.Throws<ArgumentOutOfRangeException>(() => DataMatrix.OneHot([3], 3, ScalarType.Float32));
    }
}
