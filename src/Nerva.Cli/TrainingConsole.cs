using System.CommandLine;
using System.Globalization;
using Nerva.Data;
using Nerva.Specification;
using Nerva.Training;
using Spectre.Console;

namespace Nerva.Cli;

/// <summary>
/// Writes what nerva train does: the command line and configuration, the model, one table row per epoch, a
/// progress bar inside the epoch when the output is a terminal, and the total time. Results go to the output
/// writer; notes go to the error writer.
/// </summary>
internal sealed class TrainingConsole
{
    private const string RowFormat = "{0,5}  {1,12}  {2,12}  {3,10}  {4,10}  {5,9}";

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly bool _interactive;

    public TrainingConsole(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
        _interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
    }

    public void WriteConfiguration(
        ParseResult parse, NetworkSpecification network, LossKind loss, LearningRateSchedule schedule, TrainingOptions options,
        ScalarType scalarType, DataSet dataSet, string datasetName)
    {
        // The tokens start with the command name.
        _error.WriteLine($"nerva: {string.Join(' ', parse.Tokens.Select(token => Quote(token.Value)))}");
        _output.WriteLine($"data set   {datasetName}: {dataSet.Xtrain.Rows} training and {dataSet.Xtest.Rows} test examples, {dataSet.FeatureCount} features, {dataSet.ClassCount} classes");
        _output.WriteLine($"model      {network}");
        _output.WriteLine($"           loss {loss}, learning rate {schedule}, batch size {options.BatchSize}, epochs {options.Epochs}, {(options.Shuffle ? $"shuffled with seed {options.ShuffleSeed}" : "not shuffled")}");
        _output.WriteLine($"           {scalarType}, {Threads(NervaLibrary.Threads)}, {(NervaLibrary.UsesMkl ? "Intel MKL" : "Eigen")} products");
        for (int i = 0; i < network.Layers.Count; i++)
        {
            LayerShape shape = network.LayerShapes[i];
            _output.WriteLine($"  layer {i + 1,2}  {network.Layers[i],-28} {shape.InputSize,6} -> {shape.OutputSize,-6}");
        }

        _output.WriteLine();
        _output.WriteLine(RowFormat, "epoch", "lr", "loss", "train acc", "test acc", "seconds");
    }

    public void WriteEpoch(EpochReport report)
    {
        string rate = report.LearningRate is double value ? value.ToString("G6", CultureInfo.InvariantCulture) : "-";
        string row = string.Format(
            CultureInfo.InvariantCulture, RowFormat, report.Epoch, rate, report.Loss.ToString("F6", CultureInfo.InvariantCulture),
            report.TrainAccuracy.ToString("F4", CultureInfo.InvariantCulture), report.TestAccuracy.ToString("F4", CultureInfo.InvariantCulture),
            report.TrainingTime.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture));

        // While the progress bar is live, Spectre.Console redraws the lines below the cursor, so a row written to
        // Console.Out directly would be overwritten; AnsiConsole writes it above the progress bar instead.
        if (_interactive)
        {
            AnsiConsole.WriteLine(row);
        }
        else
        {
            _output.WriteLine(row);
        }
    }

    /// <summary>Runs <paramref name="train"/>, with a progress bar of the batches of each epoch when the output is a terminal.</summary>
    public TrainingResult RunWithProgress(Trainer trainer, Func<TrainingResult> train)
    {
        if (!_interactive)
        {
            return train();
        }

        return AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask? task = null;
                trainer.BatchCompleted += (_, progress) =>
                {
                    if (task is null || progress.Batch == 1)
                    {
                        task?.StopTask();
                        task = context.AddTask($"epoch {progress.Epoch}", maxValue: progress.BatchCount);
                    }

                    task.Value = progress.Batch;
                };
                return train();
            });
    }

    public void WriteTotal(TimeSpan total, TrainingResult result)
    {
        _output.WriteLine();
        EpochReport last = result.Epochs[^1];
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total time {total.TotalSeconds:F3} s; final test accuracy {last.TestAccuracy:F4}"));
    }

    private static string Threads(int count) => count == 1 ? "1 thread" : $"{count} threads";

    private static string Quote(string value) => value.Contains(' ', StringComparison.Ordinal) || value.Contains(';', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
