using Nerva.Data;

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

    [Fact]
    public void EvaluateModelWithDamagedSizes_ExitsOne()
    {
        string path = _folder.Combine("damaged.npz");
        Assert.Equal(0, Cli.Run("train", "--dataset", _dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--epochs", "0", "--threads", "1", "--save-model", path).ExitCode);
        var arrays = new Dictionary<string, NpyArray>(Npz.Load(path));
        string record = System.Text.Encoding.UTF8.GetString(arrays["architecture"].ToArray<byte>()).Replace("8;16;4", "8;1000000000;4", StringComparison.Ordinal);
        byte[] text = System.Text.Encoding.UTF8.GetBytes(record);
        arrays["architecture"] = NpyArray.Create<byte>(text, text.Length);
        Npz.Save(path, arrays);

        CliResult result = Cli.Run("evaluate", "--dataset", _dataset, "--model", path);

        AssertFails(result, 1, path, "layer1/W", "(16, 8)", "(1000000000, 8)");
    }

    // The save writes a temporary file whose name is 38 characters longer than the target's. A 240-character name
    // is therefore valid for the target but not for the save, and the probe must catch it before training.
    [Theory]
    [InlineData("--save-weights")]
    [InlineData("--save-model")]
    [InlineData("--checkpoint")]
    public void OutputNameTooLong_ExitsOneBeforeTraining(string option)
    {
        string path = _folder.Combine(new string('m', 236) + ".npz");

        CliResult result = Train(option, path);

        AssertFails(result, 1, $"{option}: cannot write '{path}'", "too long", "choose a writable path");
    }

    [Fact]
    public void OutputInProcFolder_ExitsOneBeforeTraining()
    {
        CliResult result = Train("--save-model", "/proc/nerva-test-model.npz");

        AssertFails(result, 1, "--save-model: cannot write '/proc/nerva-test-model.npz'", "choose a writable path");
    }

    [Fact]
    public void OutputFileImmutable_ExitsOneBeforeTraining()
    {
        string path = _folder.Combine("immutable.npz");
        File.WriteAllText(path, "keep");
        // NOTE: without CAP_LINUX_IMMUTABLE, or on a file system without the attribute, the case cannot be set up
        // and the test passes without checking anything.
        if (!RunChattr("+i", path))
        {
            return;
        }

        try
        {
            CliResult result = Train("--save-weights", path);

            AssertFails(result, 1, $"--save-weights: cannot write '{path}'", "permission denied");
            Assert.Equal("keep", File.ReadAllText(path));
        }
        finally
        {
            RunChattr("-i", path);
        }
    }

    [Theory]
    [InlineData("--save-weights", "--dataset")]
    [InlineData("--checkpoint", "--load-weights")]
    [InlineData("--save-model", "--save-weights")]
    [InlineData("--checkpoint", "--save-model")]
    public void OutputSameAsOtherFile_ExitsTwo(string output, string other)
    {
        string weights = _folder.Combine("start.npz");
        Assert.Equal(0, Cli.Run("train", "--dataset", _dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--epochs", "0", "--threads", "1", "--save-weights", weights).ExitCode);
        byte[] datasetBefore = File.ReadAllBytes(_dataset);
        byte[] weightsBefore = File.ReadAllBytes(weights);
        string otherPath = other switch
        {
            "--dataset" => _dataset,
            "--load-weights" => weights,
            "--save-weights" => _folder.Combine("weights.npz"),
            _ => _folder.Combine("model.npz"),
        };

        // A relative path with "." names the same file, so the paths are compared after GetFullPath.
        string samePath = Path.Combine(Path.GetDirectoryName(otherPath)!, ".", Path.GetFileName(otherPath));
        CliResult result = Train("--load-weights", weights, output, samePath);

        AssertFails(result, 2, output, other, "both name");
        Assert.Equal(datasetBefore, File.ReadAllBytes(_dataset));
        Assert.Equal(weightsBefore, File.ReadAllBytes(weights));
    }

    [Fact]
    public void DivergingLoss_WarnsOnceSavesAndExitsOne()
    {
        CliResult result = Train("--learning-rate", "1e30", "--epochs", "3", "--threads", "1");

        Assert.Equal(1, result.ExitCode);
        string[] warnings = result.ErrorLines.Where(line => line.Contains("warning", StringComparison.Ordinal)).ToArray();
        Assert.Single(warnings);
        Assert.Matches("^nerva: warning: the loss became (NaN|infinite) in epoch [1-3]; lower --learning-rate", warnings[0]);
        Assert.Contains("weights.npz", _folder.EntryNames());
        Assert.Contains("model.npz", _folder.EntryNames());
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNInDataset_ExitsOne()
    {
        string path = _folder.Combine("nan.npz");
        var arrays = new Dictionary<string, NpyArray>(Npz.Load(_dataset));
        float[] values = arrays["Xtest"].ToSingleArray();
        values[(7 * 8) + 2] = float.NaN;
        arrays["Xtest"] = NpyArray.Create<float>(values, 50, 8);
        Npz.Save(path, arrays);

        CliResult result = Train("--dataset", path);

        AssertFails(result, 1, path, "Xtest", "NaN", "row 7, column 2");
    }

    [Theory]
    [InlineData("--dataset")]
    [InlineData("--load-weights")]
    [InlineData("--save-weights")]
    public void TrainEmptyPath_ExitsTwo(string option)
    {
        CliResult result = Train(option, "");

        AssertFails(result, 2, $"{option}: the path is empty; pass ");
    }

    [Theory]
    [InlineData("--dataset")]
    [InlineData("--model")]
    public void EvaluateEmptyPath_ExitsTwo(string option)
    {
        string[] args = option == "--dataset" ? ["evaluate", "--dataset", "", "--model", _dataset] : ["evaluate", "--dataset", _dataset, "--model", ""];

        CliResult result = Cli.Run(args);

        AssertFails(result, 2, $"{option}: the path is empty; pass ");
    }

    [Fact]
    public void InspectEmptyPath_ExitsTwo()
    {
        CliResult result = Cli.Run("inspect", "");

        AssertFails(result, 2, "file: the path is empty; pass the .npz file to list");
    }

    [Theory]
    [InlineData("--epochs", "1e3", "--epochs: '1e3' is not a whole number; pass an integer from 0 to 2147483647")]
    [InlineData("--epochs", "99999999999", "--epochs: '99999999999' is out of range; pass an integer from 0 to 2147483647")]
    [InlineData("--batch-size", "ten", "--batch-size: 'ten' is not a whole number; pass an integer from 1 to 2147483647")]
    [InlineData("--seed", "-1", "--seed: '-1' is out of range; pass an integer from 0 to 18446744073709551615")]
    [InlineData("--threads", "1.5", "--threads: '1.5' is not a whole number; pass an integer from 1 to 2147483647")]
    public void IntegerParseError_NamesRangeNotType(string option, string value, string expected)
    {
        CliResult result = Train(option, value);

        AssertFails(result, 2, expected);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void LayerTooLargeForMemory_ExitsOne()
    {
        CliResult result = Train("--layer-sizes", "8;2147483647;4", "--threads", "1");

        AssertFails(result, 1, "layer 1 (8 -> 2147483647) needs W of 2147483647 x 8 float32 values (64 GiB)", "choose smaller --layer-sizes");
        Assert.DoesNotContain("nerva_layer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckpointFailure_ReportedOnceAndStopsCheckpoints()
    {
        string folder = _folder.Combine("checkpoints");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "checkpoint.npz");
        using var error = new StringWriter();
        var writer = new CheckpointWriter("--checkpoint", path, error);
        using var model = Nerva.Model.NetworkBuilder.Build(
            Nerva.Specification.NetworkSpecification.Parse("Linear", "3;2"), LossKind.SoftmaxCrossEntropy, ScalarType.Float32, seed: 1);
        writer.Write(model);
        Assert.False(writer.Failed);
        Directory.Delete(folder, recursive: true);

        writer.Write(model);
        writer.Write(model);

        Assert.True(writer.Failed);
        string[] lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"nerva: --checkpoint: cannot write '{path}': the folder '{folder}' does not exist", lines[0], StringComparison.Ordinal);
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

    [Fact]
    public void EvaluateModelWithLayers_ExitsTwo()
    {
        string model = _folder.Combine("model-with-layers.npz");
        Assert.Equal(0, Cli.Run("train", "--dataset", _dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4", "--epochs", "1", "--threads", "1", "--save-model", model).ExitCode);

        CliResult result = Cli.Run("evaluate", "--dataset", _dataset, "--model", model, "--layers", "ReLU;Linear");

        AssertFails(result, 2, "--layers applies to --load-weights only");
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

    private static bool RunChattr(string flag, string path)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start("chattr", [flag, path]);
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
