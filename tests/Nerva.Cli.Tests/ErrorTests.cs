namespace Nerva.Cli.Tests;

// Every invalid command line gets one line on stderr that names the option, file or value, no stack trace,
// exit code 2 for usage errors and 1 for failures while running, and no output file.
public sealed class ErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _dataset;

    public ErrorTests()
    {
        _dataset = _folder.Combine("blobs.npz");
        SyntheticData.WriteBlobs(_dataset, trainCount: 200, testCount: 50);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void UnknownLayerName_ExitsTwo()
    {
        CliResult result = Train("--layers", "ReLU;Relu6");

        AssertFails(result, 2, "--layers", "'Relu6'", "ReLU");
    }

    [Fact]
    public void UnbalancedParenthesis_ExitsTwo()
    {
        CliResult result = Train("--optimizers", "Momentum(0.9");

        AssertFails(result, 2, "--optimizers", "Momentum(0.9");
    }

    [Fact]
    public void InvalidLearningRate_ExitsTwo()
    {
        CliResult result = Train("--learning-rate", "StepBased(0.1,abc,2)");

        AssertFails(result, 2, "--learning-rate", "abc");
    }

    [Fact]
    public void SizesDoNotMatchLayers_ExitsTwo()
    {
        CliResult result = Train("--layer-sizes", "8;16;16;4");

        AssertFails(result, 2, "--layer-sizes", "8;16;16;4");
    }

    [Fact]
    public void OptimizerCountDoesNotMatchLayers_ExitsTwo()
    {
        CliResult result = Train("--optimizers", "Momentum(0.9);Momentum(0.9);Momentum(0.9)");

        AssertFails(result, 2, "--optimizers", "3");
    }

    [Fact]
    public void MissingDataset_ExitsOne()
    {
        string path = _folder.Combine("absent.npz");

        CliResult result = Train("--dataset", path);

        AssertFails(result, 1, path);
    }

    [Fact]
    public void CorruptDataset_ExitsOne()
    {
        string path = _folder.Combine("corrupt.npz");
        byte[] bytes = File.ReadAllBytes(_dataset);
        new Random(3).NextBytes(bytes.AsSpan(0, bytes.Length));
        File.WriteAllBytes(path, bytes);

        CliResult result = Train("--dataset", path);

        AssertFails(result, 1, path);
    }

    [Fact]
    public void CorruptArrayHeader_ExitsOne()
    {
        string path = _folder.Combine("corrupt.npz");
        byte[] bytes = File.ReadAllBytes(_dataset);
        int header = bytes.AsSpan().IndexOf("'descr'"u8);
        "'dxxxx'"u8.CopyTo(bytes.AsSpan(header));
        File.WriteAllBytes(path, bytes);

        CliResult result = Train("--dataset", path);

        AssertFails(result, 1, path, "Xtrain");
    }

    [Fact]
    public void TruncatedDataset_ExitsOne()
    {
        string path = _folder.Combine("truncated.npz");
        byte[] bytes = File.ReadAllBytes(_dataset);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);

        CliResult result = Train("--dataset", path);

        AssertFails(result, 1, path);
    }

    [Fact]
    public void DataWidthDoesNotMatchSizes_ExitsTwo()
    {
        CliResult result = Train("--layer-sizes", "9;16;4");

        AssertFails(result, 2, "--layer-sizes", "9", "8 features");
    }

    [Fact]
    public void ClassCountDoesNotMatchSizes_ExitsTwo()
    {
        CliResult result = Train("--layer-sizes", "8;16;5");

        AssertFails(result, 2, "--layer-sizes", "5", "4 classes");
    }

    [Fact]
    public void NegativeLabels_ExitsOne()
    {
        string path = _folder.Combine("negative.npz");
        SyntheticData.WriteBlobs(path, trainCount: 200, testCount: 50, labelOffset: -1);

        CliResult result = Train("--dataset", path);

        AssertFails(result, 1, path, "-1");
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        CliResult result = Train("--learning-rat", "0.1");

        AssertFails(result, 2, "--learning-rat");
    }

    [Fact]
    public void UnknownCommand_ExitsTwo()
    {
        CliResult result = Cli.Run("trian", "--dataset", _dataset);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("trian", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PrecisionFloat16_ExitsTwo()
    {
        CliResult result = Train("--precision", "float16");

        AssertFails(result, 2, "float16", "float32", "float64");
    }

    [Fact]
    public void BatchSizeZero_ExitsTwo()
    {
        CliResult result = Train("--batch-size", "0");

        AssertFails(result, 2, "--batch-size", "0");
    }

    [Fact]
    public void BatchSizeNotNumber_ExitsTwo()
    {
        CliResult result = Train("--batch-size", "ten");

        AssertFails(result, 2, "--batch-size", "ten");
    }

    [Fact]
    public void NegativeEpochs_ExitsTwo()
    {
        CliResult result = Train("--epochs", "-1");

        AssertFails(result, 2, "--epochs", "-1");
    }

    [Fact]
    public void ZeroThreads_ExitsTwo()
    {
        CliResult result = Train("--threads", "0");

        AssertFails(result, 2, "--threads", "0");
    }

    [Fact]
    public void DropoutOutOfRange_ExitsTwo()
    {
        CliResult result = Train("--dropouts", "1.5;0");

        AssertFails(result, 2, "--dropouts", "1.5");
    }

    // The folder is checked before the data set is loaded, so no epoch runs before the error.
    [Fact]
    public void SaveWeightsInMissingFolder_ExitsOneBeforeTraining()
    {
        string folder = _folder.Combine("no-such-folder");

        CliResult result = Cli.Run(
            "train", "--dataset", _dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--epochs", "1",
            "--save-weights", Path.Combine(folder, "weights.npz"));

        AssertFails(result, 1, "--save-weights", folder, "does not exist");
        Assert.DoesNotContain("epoch", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--save-model")]
    [InlineData("--checkpoint")]
    public void OtherOutputInMissingFolder_ExitsOne(string option)
    {
        string folder = _folder.Combine("no-such-folder");

        CliResult result = Cli.Run(
            "train", "--dataset", _dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--epochs", "1",
            option, Path.Combine(folder, "out.npz"));

        AssertFails(result, 1, option, folder);
    }

    [Fact]
    public void SaveWeightsToFolder_ExitsOneBeforeTraining()
    {
        string folder = _folder.Combine("weights-folder");
        Directory.CreateDirectory(folder);

        CliResult result = Cli.Run(
            "train", "--dataset", _dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--epochs", "1", "--save-weights", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("--save-weights", result.Error, StringComparison.Ordinal);
        Assert.Contains(folder, result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void LoadWeightsOfOtherModel_ExitsOne()
    {
        string weights = _folder.Combine("weights.npz");
        Assert.Equal(0, Cli.Run("train", "--dataset", _dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--epochs", "0", "--save-weights", weights).ExitCode);
        File.Move(weights, _folder.Combine("other.npz"));

        CliResult result = Train("--layer-sizes", "8;12;4", "--load-weights", _folder.Combine("other.npz"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("W1 has shape (16, 8)", result.Error, StringComparison.Ordinal);
        Assert.Contains("(12, 8)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(["blobs.npz", "other.npz"], _folder.EntryNames());
    }

    [Fact]
    public void EvaluateWithoutLayers_ExitsTwo()
    {
        CliResult result = Cli.Run("evaluate", "--dataset", _dataset, "--load-weights", _dataset);

        AssertFails(result, 2, "--layers");
    }

    [Fact]
    public void EvaluateDataSetAsModel_ExitsOne()
    {
        CliResult result = Cli.Run("evaluate", "--dataset", _dataset, "--model", _dataset);

        AssertFails(result, 1, _dataset, "architecture");
    }

    // Runs nerva train with a valid command line in which the given options replace or add to the defaults, and
    // with --save-weights and --save-model, whose files must not appear when the command fails.
    private CliResult Train(params string[] options)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["--dataset"] = _dataset,
            ["--layers"] = "ReLU;Linear",
            ["--layer-sizes"] = "8;16;4",
            ["--epochs"] = "1",
            ["--save-weights"] = _folder.Combine("weights.npz"),
            ["--save-model"] = _folder.Combine("model.npz"),
        };
        for (int i = 0; i < options.Length; i++)
        {
            bool hasValue = i + 1 < options.Length && !options[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[options[i]] = hasValue ? options[++i] : null;
        }

        var args = new List<string> { "train" };
        foreach ((string option, string? value) in values)
        {
            args.Add(option);
            if (value is not null)
            {
                args.Add(value);
            }
        }

        return Cli.Run([.. args]);
    }

    private void AssertFails(CliResult result, int exitCode, params string[] fragments)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("nerva: ", result.Error, StringComparison.Ordinal);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("epoch", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("weights.npz", _folder.EntryNames());
        Assert.DoesNotContain("model.npz", _folder.EntryNames());
        Assert.DoesNotContain(_folder.EntryNames(), name => name.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
