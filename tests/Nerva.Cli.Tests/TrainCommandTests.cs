using System.Globalization;
using Nerva.Data;

namespace Nerva.Cli.Tests;

// Trains ReLU(8 → 32), Linear(32 → 4) on 1003 Gaussian-blob examples (ten batches of 100 and one of 3) for three
// epochs, on one thread: with more threads than free cores the native products slow down many times over.
public sealed class TrainCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _dataset;

    public TrainCommandTests()
    {
        _dataset = _folder.Combine("blobs.npz");
        SyntheticData.WriteBlobs(_dataset);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Train_PrintsTableAndFinalAccuracy()
    {
        CliResult result = Cli.Run(TrainArguments());

        Assert.Equal(0, result.ExitCode);
        string[] rows = TableRows(result.Output);
        Assert.Equal(4, rows.Length);
        Assert.Equal(["0", "-"], Fields(rows[0])[..2]);
        Assert.Equal(["1", "0.05"], Fields(rows[1])[..2]);
        Assert.Equal("3", Fields(rows[3])[0]);
        double firstLoss = double.Parse(Fields(rows[0])[2], CultureInfo.InvariantCulture);
        double lastLoss = double.Parse(Fields(rows[3])[2], CultureInfo.InvariantCulture);
        Assert.True(lastLoss < 0.5 * firstLoss, $"loss {firstLoss} → {lastLoss}");
        double finalAccuracy = FinalTestAccuracy(result.Output);
        Assert.True(finalAccuracy >= 0.9, $"final test accuracy {finalAccuracy}");
        Assert.Equal(Fields(rows[3])[4], finalAccuracy.ToString("F4", CultureInfo.InvariantCulture));
        Assert.Contains("1003 training and 300 test examples, 8 features, 4 classes", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("nerva: train --dataset", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_SameSeedSameTable()
    {
        string[] first = TableRows(Cli.Run(TrainArguments()).Output).Select(WithoutSeconds).ToArray();
        string[] second = TableRows(Cli.Run(TrainArguments()).Output).Select(WithoutSeconds).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void SavedFiles_EvaluateToFinalAccuracy()
    {
        string weights = _folder.Combine("weights.npz");
        string model = _folder.Combine("model.npz");
        string checkpoint = _folder.Combine("checkpoint.npz");
        CliResult train = Cli.Run([.. TrainArguments(), "--save-weights", weights, "--save-model", model, "--checkpoint", checkpoint]);
        Assert.Equal(0, train.ExitCode);
        string finalAccuracy = FinalTestAccuracy(train.Output).ToString("F4", CultureInfo.InvariantCulture);

        CliResult fromModel = Cli.Run("evaluate", "--dataset", _dataset, "--model", model);
        CliResult fromWeights = Cli.Run("evaluate", "--dataset", _dataset, "--load-weights", weights, "--layers", "ReLU;Linear", "--layer-sizes", "8;32;4");
        CliResult fromCheckpoint = Cli.Run("evaluate", "--dataset", _dataset, "--load-weights", checkpoint, "--layers", "ReLU;Linear", "--layer-sizes", "8;32;4");

        Assert.Equal(0, fromModel.ExitCode);
        Assert.Equal(0, fromWeights.ExitCode);
        Assert.Equal(0, fromCheckpoint.ExitCode);
        Assert.Equal(fromModel.Output, fromWeights.Output);
        Assert.Equal(fromModel.Output, fromCheckpoint.Output);
        Assert.Contains($"accuracy {finalAccuracy}", fromModel.Output.Split('\n')[1], StringComparison.Ordinal);
        Assert.EndsWith("of 1003)", fromModel.Output.Split('\n')[0].Trim(), StringComparison.Ordinal);
        Assert.EndsWith("of 300)", fromModel.Output.Split('\n')[1].Trim(), StringComparison.Ordinal);
        Assert.Equal(["blobs.npz", "checkpoint.npz", "model.npz", "weights.npz"], _folder.EntryNames());
    }

    [Fact]
    public void Evaluate_ThreadsAboveCoresPrintsNote()
    {
        string model = _folder.Combine("threads-model.npz");
        Assert.Equal(0, Cli.Run([.. TrainArguments(), "--save-model", model]).ExitCode);
        int cores = NervaLibrary.Threads;
        try
        {
            CliResult result = Cli.Run("evaluate", "--dataset", _dataset, "--model", model, "--threads", "100000");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("--threads 100000 requested", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            NervaLibrary.Threads = cores;
        }
    }

    [Fact]
    public void LoadWeights_ContinuesFromSavedWeights()
    {
        string weights = _folder.Combine("weights.npz");
        CliResult first = Cli.Run([.. TrainArguments(), "--save-weights", weights]);

        CliResult second = Cli.Run([.. TrainArguments(epochs: 0), "--load-weights", weights]);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(Fields(TableRows(first.Output)[^1])[2..5], Fields(TableRows(second.Output)[0])[2..5]);
    }

    [Fact]
    public void SaveWeights_BatchNormalizationNotesSaveModel()
    {
        string weights = _folder.Combine("weights.npz");

        CliResult result = Cli.Run(
            "train", "--dataset", _dataset, "--layers", "ReLU;BatchNormalization;Linear", "--layer-sizes", "8;16;4", "--epochs", "1", "--threads", "1",
            "--save-weights", weights);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--save-model", result.Error, StringComparison.Ordinal);
        Assert.Contains("batch-normalization", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveWeights_PlainLayersNoNote()
    {
        CliResult result = Cli.Run([.. TrainArguments(epochs: 0), "--save-weights", _folder.Combine("weights.npz")]);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("note:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoShuffle_ChangesTheTable()
    {
        string[] shuffled = TableRows(Cli.Run(TrainArguments()).Output).Select(WithoutSeconds).ToArray();
        string[] fileOrder = TableRows(Cli.Run([.. TrainArguments(), "--no-shuffle"]).Output).Select(WithoutSeconds).ToArray();

        Assert.Equal(shuffled[0], fileOrder[0]);
        Assert.NotEqual(shuffled[^1], fileOrder[^1]);
    }

    [Fact]
    public void Float64_Trains()
    {
        CliResult result = Cli.Run([.. TrainArguments(), "--precision", "float64"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Float64", result.Output, StringComparison.Ordinal);
        Assert.True(FinalTestAccuracy(result.Output) >= 0.9);
    }

    [Fact]
    public void Inspect_ListsArraysAndArchitecture()
    {
        string model = _folder.Combine("model.npz");
        Assert.Equal(0, Cli.Run([.. TrainArguments(epochs: 0), "--save-model", model]).ExitCode);

        CliResult data = Cli.Run("inspect", _dataset);
        CliResult saved = Cli.Run("inspect", model);

        Assert.Equal(0, data.ExitCode);
        string[] lines = data.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["name", "shape", "dtype"], Fields(lines[0]));
        Assert.Equal(["Xtrain", "(1003,", "8)", "Float32"], Fields(lines[1]));
        Assert.Equal(["Ttrain", "(1003,)", "Int64"], Fields(lines[2]));
        Assert.Equal(0, saved.ExitCode);
        Assert.Contains("layer1/W", saved.Output, StringComparison.Ordinal);
        Assert.Contains("\"--layer-sizes\": \"8;32;4\"", saved.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_MissingFileExitsOne()
    {
        string path = _folder.Combine("absent.npz");

        CliResult result = Cli.Run("inspect", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ModelAndWeightsTogetherIsUsageError()
    {
        CliResult result = Cli.Run("evaluate", "--dataset", _dataset, "--model", "a.npz", "--load-weights", "b.npz");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("--model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WrongLayerSizesNamesShapes()
    {
        string weights = _folder.Combine("weights.npz");
        Assert.Equal(0, Cli.Run([.. TrainArguments(epochs: 0), "--save-weights", weights]).ExitCode);

        CliResult result = Cli.Run("evaluate", "--dataset", _dataset, "--load-weights", weights, "--layers", "ReLU;Linear", "--layer-sizes", "8;16;4");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("W1 has shape (32, 8)", result.Error, StringComparison.Ordinal);
        Assert.Contains("(16, 8)", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Returns the rows of the epoch table: the lines after the header line that starts with "epoch".</summary>
    internal static string[] TableRows(string output)
    {
        string[] lines = output.Split('\n');
        int header = Array.FindIndex(lines, line => line.TrimStart().StartsWith("epoch", StringComparison.Ordinal));
        Assert.True(header >= 0, $"no table header in:\n{output}");
        return lines.Skip(header + 1).TakeWhile(line => line.Trim().Length > 0).ToArray();
    }

    private static string[] Fields(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string WithoutSeconds(string row) => string.Join(' ', Fields(row)[..^1]);

    private static double FinalTestAccuracy(string output)
    {
        const string Marker = "final test accuracy ";
        int start = output.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no final accuracy in:\n{output}");
        return double.Parse(output[(start + Marker.Length)..].Split('\n')[0], CultureInfo.InvariantCulture);
    }

    private string[] TrainArguments(int epochs = 3) =>
    [
        "train", "--dataset", _dataset, "--layers", "ReLU;Linear", "--layer-sizes", "8;32;4", "--layer-weights", "XavierNormalized",
        "--optimizers", "Momentum(0.9)", "--learning-rate", "Constant(0.05)", "--batch-size", "100", "--epochs", epochs.ToString(CultureInfo.InvariantCulture),
        "--seed", "1", "--threads", "1",
    ];
}
