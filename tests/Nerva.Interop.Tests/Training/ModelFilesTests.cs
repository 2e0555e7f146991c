using System.IO.Compression;
using System.Text;
using Nerva.Data;
using Nerva.Interop.Tests.Data;
using Nerva.Model;
using Nerva.Specification;
using Nerva.Training;

namespace Nerva.Interop.Tests.Training;

public class ModelFilesTests
{
    // A network with every kind of stored state: dropout on a linear and an activation layer (the mask R),
    // batch normalization (γ, β and the running statistics) and SReLU (a_l, t_l, a_r, t_r).
    private const string RichLayers = "Linear;BatchNormalization;SReLU(0.1,-0.5,0.2,1);ReLU;Linear";
    private const string RichSizes = "6;8;8;5;3";
    private const string RichDropouts = "0.2;0;0.3;0";

    [Fact]
    public void SaveModel_OtherSpecificationRejected()
    {
        using MultilayerPerceptron model = NetworkBuilder.Build(NetworkSpecification.Parse("ReLU;Linear", "4;8;3"), LossKind.SoftmaxCrossEntropy, ScalarType.Float32, seed: 1);
        using var folder = new TempFolder();
        string path = folder.Combine("model.npz");

        var wrongSizes = Assert.Throws<ArgumentException>(() => ModelFiles.SaveModel(model, NetworkSpecification.Parse("ReLU;Linear", "4;6;3"), path));
        var wrongCount = Assert.Throws<ArgumentException>(() => ModelFiles.SaveModel(model, NetworkSpecification.Parse("ReLU;ReLU;Linear", "4;8;8;3"), path));

        Assert.Contains("Layer 1 is 4 -> 6 in the specification but 4 -> 8 in the model", wrongSizes.Message, StringComparison.Ordinal);
        Assert.Contains("3 layers but the model has 2", wrongCount.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void SaveWeights_RoundTripNonSquare()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron saved = TrainingFixtures.Build("ReLU;Linear", "7;5;3", seed: 1);
        using MultilayerPerceptron loaded = TrainingFixtures.Build("ReLU;Linear", "7;5;3", seed: 2);
        saved.Layers[0].SetParameter<float>("b", [1, 2, 3, 4, 5]);

        ModelFiles.SaveWeights(saved, path);
        ModelFiles.LoadWeights(loaded, path);

        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(TrainingFixtures.Bits(saved.Layers[i].GetParameter<float>("W")), TrainingFixtures.Bits(loaded.Layers[i].GetParameter<float>("W")));
            Assert.Equal(TrainingFixtures.Bits(saved.Layers[i].GetParameter<float>("b")), TrainingFixtures.Bits(loaded.Layers[i].GetParameter<float>("b")));
        }
    }

    [Fact]
    public void SaveWeights_ArraysNamedAndShapedAsNerva()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron model = TrainingFixtures.Build("ReLU;Linear", "7;5;3");

        ModelFiles.SaveWeights(model, path);
        IReadOnlyDictionary<string, NpyArray> arrays = Npz.Load(path);

        Assert.Equal(["W1", "b1", "W2", "b2"], arrays.Keys);
        Assert.Equal([5, 7], arrays["W1"].Shape);
        Assert.Equal([5], arrays["b1"].Shape);
        Assert.Equal([3, 5], arrays["W2"].Shape);
        Assert.Equal([3], arrays["b2"].Shape);
        Assert.Equal(NpyDType.Float32, arrays["W1"].DType);
        Assert.Equal(model.Layers[0].GetParameter<float>("W"), arrays["W1"].ToSingleArray());
    }

    [Fact]
    public void SaveWeights_NumPyHeaders()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron model = TrainingFixtures.Build("ReLU;Linear", "7;5;3");

        ModelFiles.SaveWeights(model, path);
        using ZipArchive archive = ZipFile.OpenRead(path);

        Assert.Equal(["W1.npy", "b1.npy", "W2.npy", "b2.npy"], archive.Entries.Select(entry => entry.FullName));
        Assert.Contains("{'descr': '<f4', 'fortran_order': False, 'shape': (5, 7), }", NpyHeader(archive, "W1.npy"), StringComparison.Ordinal);
        Assert.Contains("'shape': (5,)", NpyHeader(archive, "b1.npy"), StringComparison.Ordinal);
        Assert.Contains("'shape': (3, 5)", NpyHeader(archive, "W2.npy"), StringComparison.Ordinal);
    }

    [Fact]
    public void SaveWeights_Float64HeaderIsF8()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron model = TrainingFixtures.Build("Linear", "4;2", ScalarType.Float64);

        ModelFiles.SaveWeights(model, path);
        using ZipArchive archive = ZipFile.OpenRead(path);

        Assert.Contains("'descr': '<f8'", NpyHeader(archive, "W1.npy"), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWeights_RowBiasFloat64Accepted()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        double[] W = [0.5, -1, 0.25, 2, 3, -4];
        Npz.Save(path, new Dictionary<string, NpyArray>
        {
            ["W1"] = NpyArray.Create<double>(W, 2, 3),
            ["b1"] = NpyArray.Create<double>([0.125, -0.75], 1, 2),
        });
        using MultilayerPerceptron model = TrainingFixtures.Build("Linear", "3;2");

        ModelFiles.LoadWeights(model, path);

        Assert.Equal([0.5f, -1, 0.25f, 2, 3, -4], model.Layers[0].GetParameter<float>("W"));
        Assert.Equal([0.125f, -0.75f], model.Layers[0].GetParameter<float>("b"));
    }

    [Fact]
    public void LoadWeights_WrongShapeNamesShapes()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron saved = TrainingFixtures.Build("ReLU;Linear", "7;5;3");
        using MultilayerPerceptron other = TrainingFixtures.Build("ReLU;Linear", "7;4;3");
        ModelFiles.SaveWeights(saved, path);

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadWeights(other, path));

        Assert.Contains("W1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(5, 7)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(4, 7)", exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWeights_TransposedMatrixRejected()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        Npz.Save(path, new Dictionary<string, NpyArray>
        {
            ["W1"] = NpyArray.Create<float>(new float[6], 3, 2),
            ["b1"] = NpyArray.Create<float>(new float[2], 2),
        });
        using MultilayerPerceptron model = TrainingFixtures.Build("Linear", "3;2");

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadWeights(model, path));

        Assert.Contains("W1 has shape (3, 2)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", exception.Message, StringComparison.Ordinal);
    }

    // A failed load must not leave the model half overwritten: W1 fits, b2 does not.
    [Fact]
    public void LoadWeights_FailureLeavesModelUnchanged()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        Npz.Save(path, new Dictionary<string, NpyArray>
        {
            ["W1"] = NpyArray.Create<float>(new float[15], 5, 3),
            ["b1"] = NpyArray.Create<float>(new float[5], 5),
            ["W2"] = NpyArray.Create<float>(new float[10], 2, 5),
            ["b2"] = NpyArray.Create<float>(new float[3], 3),
        });
        using MultilayerPerceptron model = TrainingFixtures.Build("ReLU;Linear", "3;5;2");
        float[] before = model.Layers[0].GetParameter<float>("W");

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadWeights(model, path));

        Assert.Contains("b2", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, model.Layers[0].GetParameter<float>("W"));
    }

    [Fact]
    public void LoadWeights_MissingArrayNamed()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        Npz.Save(path, new Dictionary<string, NpyArray> { ["W1"] = NpyArray.Create<float>(new float[6], 2, 3) });
        using MultilayerPerceptron model = TrainingFixtures.Build("Linear", "3;2");

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadWeights(model, path));

        Assert.Contains("'b1'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("W1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWeights_MoreLayersInFileRejected()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron saved = TrainingFixtures.Build("ReLU;ReLU;Linear", "7;5;4;3");
        using MultilayerPerceptron model = TrainingFixtures.Build("ReLU;Linear", "7;5;4");
        ModelFiles.SaveWeights(saved, path);

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadWeights(model, path));

        Assert.Contains("W3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWeights_TruncatedFileRejected()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron model = TrainingFixtures.Build("ReLU;Linear", "7;5;3");
        ModelFiles.SaveWeights(model, path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadWeights(model, path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWeights_CorruptMemberRejected()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron model = TrainingFixtures.Build("ReLU;Linear", "7;5;3");
        ModelFiles.SaveWeights(model, path);
        byte[] bytes = File.ReadAllBytes(path);
        int magic = bytes.AsSpan().IndexOf("NUMPY"u8) - 1;
        bytes.AsSpan(magic, 6).Fill((byte)'x');
        File.WriteAllBytes(path, bytes);

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadWeights(model, path));

        Assert.Contains("W1.npy", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWeights_MissingFileNamed()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("absent.npz");
        using MultilayerPerceptron model = TrainingFixtures.Build("Linear", "3;2");

        var exception = Assert.Throws<DataSetNotFoundException>(() => ModelFiles.LoadWeights(model, path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void SaveModel_RoundTripBitIdentical(ScalarType scalarType)
    {
        using var folder = new TempFolder();
        string path = folder.Combine("model.npz");
        NetworkSpecification network = NetworkSpecification.Parse(RichLayers, RichSizes, "He", "Momentum(0.9)", RichDropouts);
        using MultilayerPerceptron model = NetworkBuilder.Build(network, LossKind.SoftmaxCrossEntropy, scalarType, seed: 5);
        using TrainingData data = TrainingData.Create(TrainingFixtures.Blobs(200, 50, 6, 3, seed: 2), scalarType);
        new Trainer().Train(model, data, new TrainingOptions { Epochs = 2, BatchSize = 20, LearningRate = LearningRateSchedule.Constant(0.05) });

        ModelFiles.SaveModel(model, network, path);
        (MultilayerPerceptron loaded, NetworkSpecification loadedNetwork) = ModelFiles.LoadModel(path);
        using (loaded)
        {
            Assert.Equal(network.ToString(), loadedNetwork.ToString());
            Assert.Equal(scalarType, loaded.ScalarType);
            Assert.Equal(LossKind.SoftmaxCrossEntropy, loaded.Loss);
            Dictionary<string, double[]> expected = TrainingFixtures.Parameters(model);
            Dictionary<string, double[]> actual = TrainingFixtures.Parameters(loaded);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach ((string name, double[] values) in expected)
            {
                Assert.True(TrainingFixtures.Bits(values).SequenceEqual(TrainingFixtures.Bits(actual[name])), $"{name} differs after loading");
            }

            // The state that only training changes must have moved away from its initial value.
            Assert.NotEqual([0.0, 0, 0, 0, 0, 0, 0, 0], expected["2/running_mean"]);
            Assert.NotEqual(0.1, expected["3/al"][0]);
            Assert.Equal(OutputBits(model, data.Xtest), OutputBits(loaded, data.Xtest));
        }
    }

    [Fact]
    public void SaveModel_StoresEveryStateArray()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("model.npz");
        NetworkSpecification network = NetworkSpecification.Parse(RichLayers, RichSizes, null, null, RichDropouts);
        using MultilayerPerceptron model = NetworkBuilder.Build(network, LossKind.SoftmaxCrossEntropy, ScalarType.Float32, seed: 5);

        ModelFiles.SaveModel(model, network, path);
        IReadOnlyDictionary<string, NpyArray> arrays = Npz.Load(path);

        Assert.Contains("architecture", arrays.Keys);
        Assert.Contains("layer2/gamma", arrays.Keys);
        Assert.Contains("layer2/beta", arrays.Keys);
        Assert.Contains("layer2/running_mean", arrays.Keys);
        Assert.Contains("layer2/running_variance", arrays.Keys);
        Assert.Contains("layer3/al", arrays.Keys);
        Assert.Contains("layer3/tr", arrays.Keys);
        Assert.DoesNotContain("layer1/DW", arrays.Keys);
        Assert.DoesNotContain("layer2/Dgamma", arrays.Keys);
    }

    [Fact]
    public void LoadModel_WeightsFileRejected()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron model = TrainingFixtures.Build("Linear", "3;2");
        ModelFiles.SaveWeights(model, path);

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadModel(path));

        Assert.Contains("architecture", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--load-weights", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadModel_DamagedArchitectureRejected()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("model.npz");
        byte[] text = Encoding.UTF8.GetBytes("{\"format\": \"nerva-model\", \"version\": 1, \"layers\": ");
        Npz.Save(path, new Dictionary<string, NpyArray> { ["architecture"] = NpyArray.Create<byte>(text, text.Length) });
        long liveBefore = NervaLibrary.LiveObjectCount;

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadModel(path));

        Assert.Contains("architecture", exception.Message, StringComparison.Ordinal);
        Assert.Equal(liveBefore, NervaLibrary.LiveObjectCount);
    }

    [Fact]
    public void LoadModel_MissingLayerArrayRejected()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("model.npz");
        NetworkSpecification network = NetworkSpecification.Parse("ReLU;Linear", "3;4;2");
        using (MultilayerPerceptron model = NetworkBuilder.Build(network, LossKind.SoftmaxCrossEntropy, ScalarType.Float32, seed: 1))
        {
            ModelFiles.SaveModel(model, network, path);
        }

        var arrays = new Dictionary<string, NpyArray>(Npz.Load(path));
        arrays.Remove("layer2/b");
        Npz.Save(path, arrays);
        long liveBefore = NervaLibrary.LiveObjectCount;

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadModel(path));

        Assert.Contains("'layer2/b'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(liveBefore, NervaLibrary.LiveObjectCount);
    }

    // The record names a 10^9-wide hidden layer while the arrays are 8 wide: the check must fail before the
    // layers (about 4 GB for W alone) are allocated.
    [Fact]
    public void LoadModel_ArchitectureLargerThanArraysRejected()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("model.npz");
        NetworkSpecification network = NetworkSpecification.Parse("ReLU;Linear", "4;8;3");
        using (MultilayerPerceptron model = NetworkBuilder.Build(network, LossKind.SoftmaxCrossEntropy, ScalarType.Float32, seed: 1))
        {
            ModelFiles.SaveModel(model, network, path);
        }

        var arrays = new Dictionary<string, NpyArray>(Npz.Load(path));
        string record = Encoding.UTF8.GetString(arrays["architecture"].ToArray<byte>()).Replace("4;8;3", "4;1000000000;3", StringComparison.Ordinal);
        byte[] text = Encoding.UTF8.GetBytes(record);
        arrays["architecture"] = NpyArray.Create<byte>(text, text.Length);
        Npz.Save(path, arrays);
        long liveBefore = NervaLibrary.LiveObjectCount;

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadModel(path));

        Assert.Contains("layer1/W has shape (8, 4)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(1000000000, 4)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(liveBefore, NervaLibrary.LiveObjectCount);
    }

    [Fact]
    public void LoadModel_StateArrayShapeChecked()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("model.npz");
        NetworkSpecification network = NetworkSpecification.Parse(RichLayers, RichSizes, null, null, RichDropouts);
        using (MultilayerPerceptron model = NetworkBuilder.Build(network, LossKind.SoftmaxCrossEntropy, ScalarType.Float32, seed: 1))
        {
            ModelFiles.SaveModel(model, network, path);
        }

        var arrays = new Dictionary<string, NpyArray>(Npz.Load(path));
        arrays["layer2/running_mean"] = NpyArray.Create<float>(new float[5], 1, 5);
        Npz.Save(path, arrays);

        var exception = Assert.Throws<DataFormatException>(() => ModelFiles.LoadModel(path));

        Assert.Contains("layer2/running_mean has shape (1, 5)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(1, 8)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveWeights_FolderTargetLeavesNoTemp()
    {
        using var folder = new TempFolder();
        string target = folder.Combine("weights.npz");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "keep");
        using MultilayerPerceptron model = TrainingFixtures.Build("Linear", "3;2");

        Assert.ThrowsAny<IOException>(() => ModelFiles.SaveWeights(model, target));

        Assert.Empty(folder.FileNames());
        Assert.Equal("keep", File.ReadAllText(Path.Combine(target, "keep.txt")));
    }

    [Fact]
    public void SaveWeights_MissingFolderNamed()
    {
        using var folder = new TempFolder();
        string target = folder.Combine("absent", "weights.npz");
        using MultilayerPerceptron model = TrainingFixtures.Build("Linear", "3;2");

        var exception = Assert.Throws<DirectoryNotFoundException>(() => ModelFiles.SaveWeights(model, target));

        Assert.Contains(folder.Combine("absent"), exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void SaveWeights_FailureKeepsOldFile()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("weights.npz");
        using MultilayerPerceptron first = TrainingFixtures.Build("Linear", "3;2");
        ModelFiles.SaveWeights(first, path);
        byte[] before = File.ReadAllBytes(path);
        MultilayerPerceptron disposed = TrainingFixtures.Build("Linear", "3;2", seed: 9);
        disposed.Dispose();

        Assert.Throws<ObjectDisposedException>(() => ModelFiles.SaveWeights(disposed, path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["weights.npz"], folder.FileNames());
    }

    private static string NpyHeader(ZipArchive archive, string name)
    {
        using Stream stream = archive.GetEntry(name)!.Open();
        var start = new byte[10];
        stream.ReadExactly(start);
        Assert.Equal([0x93, .. "NUMPY"u8], start[..6]);
        int length = start[8] | (start[9] << 8);
        var header = new byte[length];
        stream.ReadExactly(header);
        return Encoding.Latin1.GetString(header);
    }

    private static long[] OutputBits(MultilayerPerceptron model, Matrix X)
    {
        using var Y = new Matrix(1, 1, model.ScalarType);
        model.SetTraining(false);
        model.Feedforward(X, Y);
        return model.ScalarType == ScalarType.Float32
            ? Array.ConvertAll(Y.ToArray<float>(), value => (long)BitConverter.SingleToInt32Bits(value))
            : Array.ConvertAll(Y.ToArray<double>(), BitConverter.DoubleToInt64Bits);
    }
}
