using System.CommandLine;
using System.Diagnostics;
using Nerva.Data;
using Nerva.Model;
using Nerva.Specification;
using Nerva.Training;

namespace Nerva.Cli;

/// <summary>nerva train: builds a model from specification strings and trains it on a data set.</summary>
internal static class TrainCommand
{
    private static readonly Option<string> Dataset = new("--dataset")
    {
        Description = "The data set: an .npz file (Xtrain, Ttrain, Xtest, Ttest), a folder of MNIST-format IDX files, a CIFAR-10 folder, or 'fashion-mnist' (Debian's dataset-fashion-mnist package)",
        Required = true,
    };

    private static readonly Option<string> Layers = new(OptionNames.Layers)
    {
        Description = "The layers, separated by ';', for example \"ReLU;ReLU;Linear\". Valid: " + string.Join(", ", SpecificationNames.Layers),
        Required = true,
    };

    private static readonly Option<string> LayerSizes = new(OptionNames.LayerSizes)
    {
        Description = "The input size, then the output size of each layer with weights, separated by ';', for example \"784;1024;512;10\"",
        Required = true,
    };

    private static readonly Option<string?> LayerWeights = new(OptionNames.LayerWeights)
    {
        Description = "The weight initializer, one for all layers or one per layer with weights (default Xavier). Valid: " + string.Join(", ", SpecificationNames.WeightInitializers),
    };

    private static readonly Option<string?> Optimizers = new(OptionNames.Optimizers)
    {
        Description = "The optimizer, one for all layers or one per layer (default GradientDescent). Valid: " + string.Join(", ", SpecificationNames.Optimizers),
    };

    private static readonly Option<string> Loss = new(OptionNames.Loss)
    {
        Description = "The loss function. Valid: " + string.Join(", ", SpecificationNames.Losses),
        DefaultValueFactory = _ => nameof(LossKind.SoftmaxCrossEntropy),
    };

    private static readonly Option<string> LearningRate = new(OptionNames.LearningRate)
    {
        Description = "The learning rate: a number, or a scheduler. Valid schedulers: " + string.Join(", ", SpecificationNames.LearningRateSchedulers),
        DefaultValueFactory = _ => "0.01",
    };

    private static readonly Option<string?> LearningRateScheduler = new("--learning-rate-scheduler")
    {
        Description = "A learning-rate scheduler, for tools that pass it apart from --learning-rate; it replaces --learning-rate",
    };

    private static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "The number of examples per mini-batch; the last batch of an epoch holds the remainder",
        DefaultValueFactory = _ => 100,
        CustomParser = SharedOptions.CreateIntegerParser(1),
    };

    private static readonly Option<int> Epochs = new("--epochs")
    {
        Description = "The number of epochs",
        DefaultValueFactory = _ => 10,
        CustomParser = SharedOptions.CreateIntegerParser(0),
    };

    private static readonly Option<ulong> Seed = new("--seed")
    {
        Description = "The seed of the weights, the dropout masks and the shuffling; the same seed and thread count give the same weights",
        DefaultValueFactory = _ => 1UL,
        CustomParser = SharedOptions.CreateIntegerParser(0UL),
    };

    private static readonly Option<int?> Threads = SharedOptions.CreateThreads();

    private static readonly Option<string?> Dropouts = new(OptionNames.Dropouts)
    {
        Description = "The drop probability q in [0, 1) of each layer with weights, or one for all (default 0)",
    };

    private static readonly Option<bool> NoShuffle = new("--no-shuffle") { Description = "Keep the training examples in file order" };

    private static readonly Option<string?> LoadWeights = new("--load-weights") { Description = "An .npz file with W1, b1, W2, b2, ... to start from" };

    private static readonly Option<string?> SaveWeights = new("--save-weights") { Description = "Write W1, b1, W2, b2, ... to this .npz file after training" };

    private static readonly Option<string?> SaveModel = new("--save-model") { Description = "Write the architecture and every parameter to this .npz model file after training" };

    private static readonly Option<string?> Checkpoint = new("--checkpoint") { Description = "Write the weights to this .npz file after every epoch; if a write fails, training goes on without checkpoints, the final files are still saved, and the exit code is 1" };

    private static readonly Option<string> Precision = SharedOptions.CreatePrecision("The scalar type of the computation");

    private static readonly Option<string> Scaling = SharedOptions.CreateScaling(
        "The feature scaling: 'auto' (divide-by-255 for IDX and CIFAR-10 pixels, none for .npz), 'none', 'divide-by-255' or 'standardize' (per feature, with the training set's mean and standard deviation)");

    /// <summary>Creates the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command(
            "train",
            "Build a multilayer perceptron and train it on a data set. If the loss becomes NaN or infinite, a warning names the epoch; training still runs all epochs and saves the requested files, and the exit code is 1")
        {
            Dataset, Layers, LayerSizes, LayerWeights, Optimizers, Loss, LearningRate, LearningRateScheduler, BatchSize, Epochs, Seed,
            Threads, Dropouts, NoShuffle, LoadWeights, SaveWeights, SaveModel, Checkpoint, Precision, Scaling,
        };
        command.SetAction(parse => Run(parse, output, error));
        return command;
    }

    // The Ctrl-C handler is registered before anything else, so that an early Ctrl-C (while the data set loads)
    // also ends with exit code 130 and writes nothing. The first Ctrl-C stops training after the current batch;
    // a second one ends the process at once.
    private static int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return Train(parse, output, error, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int Train(ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        NetworkSpecification network = NetworkSpecification.Parse(
            parse.GetRequiredValue(Layers), parse.GetRequiredValue(LayerSizes), parse.GetValue(LayerWeights), parse.GetValue(Optimizers), parse.GetValue(Dropouts));
        LossKind loss = SpecificationParser.ParseLoss(parse.GetRequiredValue(Loss));
        string? schedulerText = parse.GetValue(LearningRateScheduler);
        LearningRateSchedule schedule = schedulerText is null
            ? SpecificationParser.ParseLearningRate(parse.GetRequiredValue(LearningRate))
            : SpecificationParser.ParseLearningRate(schedulerText, LearningRateScheduler.Name);
        int batchSize = RequirePositive(parse.GetValue(BatchSize), BatchSize.Name);
        int epochs = parse.GetValue(Epochs);
        if (epochs < 0)
        {
            throw new UsageException($"{Epochs.Name}: {epochs} is negative; pass 0 or more epochs.");
        }

        ScalarType scalarType = SharedOptions.ToScalarType(parse.GetRequiredValue(Precision));
        SharedOptions.ApplyThreads(parse, Threads, error);

        SharedOptions.RequireNonEmptyPath(Dataset.Name, parse.GetValue(Dataset), "the .npz file or the folder of the data set");
        SharedOptions.RequireNonEmptyPath(LoadWeights.Name, parse.GetValue(LoadWeights), "the .npz weights file to start from");
        OutputFiles.CheckDistinct(
            [
                (Dataset.Name, parse.GetValue(Dataset)), (LoadWeights.Name, parse.GetValue(LoadWeights)),
                (SaveWeights.Name, parse.GetValue(SaveWeights)), (SaveModel.Name, parse.GetValue(SaveModel)), (Checkpoint.Name, parse.GetValue(Checkpoint)),
            ],
            firstOutput: 2);
        OutputFiles.Check(SaveWeights.Name, parse.GetValue(SaveWeights));
        OutputFiles.Check(SaveModel.Name, parse.GetValue(SaveModel));
        OutputFiles.Check(Checkpoint.Name, parse.GetValue(Checkpoint));
        string datasetName = parse.GetRequiredValue(Dataset);
        var loadOptions = new DataSetLoadOptions { ScalarType = scalarType, Scaling = SharedOptions.ToFeatureScaling(parse.GetRequiredValue(Scaling), datasetName) };
        DataSet dataSet = DataSet.Load(datasetName, loadOptions);
        CheckFits(network, dataSet, datasetName);

        ulong seed = parse.GetValue(Seed);
        using MultilayerPerceptron model = SharedOptions.BuildModel(network, loss, scalarType, seed);
        if (parse.GetValue(LoadWeights) is string weightsPath)
        {
            ModelFiles.LoadWeights(model, weightsPath);
        }

        var options = new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = schedule,
            Shuffle = !parse.GetValue(NoShuffle),
            ShuffleSeed = seed,
        };
        var console = new TrainingConsole(output, error);
        console.WriteConfiguration(parse, network, loss, schedule, options, scalarType, dataSet, datasetName);

        using TrainingData data = TrainingData.Create(dataSet, scalarType);
        if (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("nerva: interrupted before training; nothing was written");
            return ExitCodes.Interrupted;
        }

        int? divergedEpoch = null;
        CheckpointWriter? checkpoint = parse.GetValue(Checkpoint) is string checkpointPath ? new CheckpointWriter(Checkpoint.Name, checkpointPath, error) : null;
        var trainer = new Trainer();
        trainer.EpochCompleted += (_, report) =>
        {
            console.WriteEpoch(report);
            if (!double.IsFinite(report.Loss) && divergedEpoch is null)
            {
                divergedEpoch = report.Epoch;
                string value = double.IsNaN(report.Loss) ? "NaN" : "infinite";
                error.WriteLine($"nerva: warning: the loss became {value} in epoch {report.Epoch}; lower {LearningRate.Name} (training goes on, and the exit code will be 1)");
            }

            if (report.Epoch > 0)
            {
                checkpoint?.Write(model);
            }
        };
        TrainingResult result = console.RunWithProgress(trainer, () => trainer.Train(model, data, options, cancellationToken));

        // A failed save is reported and the other one is still attempted, so one bad path does not lose both.
        bool saved = true;
        if (parse.GetValue(SaveWeights) is string saveWeights)
        {
            saved &= TrySave(error, SaveWeights.Name, saveWeights, () => ModelFiles.SaveWeights(model, saveWeights));
            if (saved && HasStateBeyondWeights(model))
            {
                error.WriteLine($"nerva: note: {saveWeights} holds only W and b, so batch-normalization and SReLU parameters are not in it; pass --save-model to keep them");
            }
        }

        if (parse.GetValue(SaveModel) is string saveModel)
        {
            saved &= TrySave(error, SaveModel.Name, saveModel, () => ModelFiles.SaveModel(model, network, saveModel));
        }

        console.WriteTotal(total.Elapsed, result);
        if (result.Cancelled)
        {
            error.WriteLine($"nerva: interrupted after {result.Epochs.Count - 1} complete epochs; the saved files also hold the batches trained in the interrupted epoch");
            return ExitCodes.Interrupted;
        }

        return saved && checkpoint?.Failed != true && divergedEpoch is null ? ExitCodes.Success : ExitCodes.Failure;
    }

    // Saves one output file and reports it; a file-system failure becomes one line naming the option.
    private static bool TrySave(TextWriter error, string optionName, string path, Action save)
    {
        try
        {
            save();
        }
        catch (Exception exception) when (OutputFiles.IsFileError(exception))
        {
            error.WriteLine($"nerva: {OutputFiles.Describe(optionName, path, exception)}");
            return false;
        }

        string content = optionName == SaveModel.Name ? "model" : "weights";
        error.WriteLine($"nerva: saved the {content} to {path}");
        return true;
    }

    // Batch normalization (gamma, beta, running statistics) and SReLU (al, tl, ar, tr) have parameters that a
    // weights file does not store; "R" is a dropout mask, which evaluation does not use.
    private static bool HasStateBeyondWeights(MultilayerPerceptron model) =>
        model.Layers.Any(layer => layer.ParameterNames.Any(name => name is not ("W" or "DW" or "b" or "Db" or "R")));

    private static int RequirePositive(int value, string optionName) =>
        value >= 1 ? value : throw new UsageException($"{optionName}: {value} is invalid; pass a whole number of at least 1.");

    private static void CheckFits(NetworkSpecification network, DataSet dataSet, string datasetName)
    {
        if (dataSet.FeatureCount != network.InputSize)
        {
            throw new UsageException(
                $"{OptionNames.LayerSizes}: the input size is {network.InputSize} but the data set '{datasetName}' has {dataSet.FeatureCount} features per example; make the first size {dataSet.FeatureCount}.");
        }

        if (dataSet.ClassCount != network.OutputSize)
        {
            string what = dataSet.HasClassLabels ? "classes" : "target columns";
            throw new UsageException(
                $"{OptionNames.LayerSizes}: the output size is {network.OutputSize} but the data set '{datasetName}' has {dataSet.ClassCount} {what}; make the last size {dataSet.ClassCount}.");
        }
    }
}
