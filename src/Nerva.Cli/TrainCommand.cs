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
    };

    private static readonly Option<int> Epochs = new("--epochs") { Description = "The number of epochs", DefaultValueFactory = _ => 10 };

    private static readonly Option<ulong> Seed = new("--seed")
    {
        Description = "The seed of the weights, the dropout masks and the shuffling; the same seed and thread count give the same weights",
        DefaultValueFactory = _ => 1UL,
    };

    private static readonly Option<int?> Threads = new("--threads") { Description = "The number of threads (default: the number of physical cores)" };

    private static readonly Option<string?> Dropouts = new(OptionNames.Dropouts)
    {
        Description = "The drop probability q in [0, 1) of each layer with weights, or one for all (default 0)",
    };

    private static readonly Option<bool> NoShuffle = new("--no-shuffle") { Description = "Keep the training examples in file order" };

    private static readonly Option<string?> LoadWeights = new("--load-weights") { Description = "An .npz file with W1, b1, W2, b2, ... to start from" };

    private static readonly Option<string?> SaveWeights = new("--save-weights") { Description = "Write W1, b1, W2, b2, ... to this .npz file after training" };

    private static readonly Option<string?> SaveModel = new("--save-model") { Description = "Write the architecture and every parameter to this .npz model file after training" };

    private static readonly Option<string?> Checkpoint = new("--checkpoint") { Description = "Write the weights to this .npz file after every epoch" };

    private static readonly Option<string> Precision = SharedOptions.CreatePrecision("The scalar type of the computation");

    private static readonly Option<string> Scaling = SharedOptions.CreateScaling(
        "The feature scaling: 'auto' (divide-by-255 for IDX and CIFAR-10 pixels, none for .npz), 'none', 'divide-by-255' or 'standardize' (per feature, with the training set's mean and standard deviation)");

    /// <summary>Creates the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("train", "Build a multilayer perceptron and train it on a data set")
        {
            Dataset, Layers, LayerSizes, LayerWeights, Optimizers, Loss, LearningRate, LearningRateScheduler, BatchSize, Epochs, Seed,
            Threads, Dropouts, NoShuffle, LoadWeights, SaveWeights, SaveModel, Checkpoint, Precision, Scaling,
        };
        command.SetAction(parse => Run(parse, output, error));
        return command;
    }

    private static int Run(ParseResult parse, TextWriter output, TextWriter error)
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
        if (parse.GetValue(Threads) is int threads)
        {
            NervaLibrary.Threads = RequirePositive(threads, Threads.Name);
        }

        CheckOutputPath(SaveWeights.Name, parse.GetValue(SaveWeights));
        CheckOutputPath(SaveModel.Name, parse.GetValue(SaveModel));
        CheckOutputPath(Checkpoint.Name, parse.GetValue(Checkpoint));
        string datasetName = parse.GetRequiredValue(Dataset);
        var loadOptions = new DataSetLoadOptions { ScalarType = scalarType, Scaling = SharedOptions.ToFeatureScaling(parse.GetRequiredValue(Scaling), datasetName) };
        DataSet dataSet = DataSet.Load(datasetName, loadOptions);
        CheckFits(network, dataSet, datasetName);

        ulong seed = parse.GetValue(Seed);
        using MultilayerPerceptron model = NetworkBuilder.Build(network, loss, scalarType, seed);
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
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C stops training after the current batch; a second one ends the process at once.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        TrainingResult result;
        try
        {
            var trainer = new Trainer();
            string? checkpoint = parse.GetValue(Checkpoint);
            trainer.EpochCompleted += (_, report) =>
            {
                console.WriteEpoch(report);
                if (checkpoint is not null && report.Epoch > 0)
                {
                    ModelFiles.SaveWeights(model, checkpoint);
                }
            };
            result = console.RunWithProgress(trainer, () => trainer.Train(model, data, options, cancellation.Token));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        if (parse.GetValue(SaveWeights) is string saveWeights)
        {
            ModelFiles.SaveWeights(model, saveWeights);
            error.WriteLine($"nerva: saved the weights to {saveWeights}");
            if (HasStateBeyondWeights(model))
            {
                error.WriteLine($"nerva: note: {saveWeights} holds only W and b, so batch-normalization and SReLU parameters are not in it; pass --save-model to keep them");
            }
        }

        if (parse.GetValue(SaveModel) is string saveModel)
        {
            ModelFiles.SaveModel(model, network, saveModel);
            error.WriteLine($"nerva: saved the model to {saveModel}");
        }

        console.WriteTotal(total.Elapsed, result);
        if (result.Cancelled)
        {
            error.WriteLine($"nerva: interrupted after {result.Epochs.Count - 1} complete epochs");
            return ExitCodes.Interrupted;
        }

        return ExitCodes.Success;
    }

    // Batch normalization (gamma, beta, running statistics) and SReLU (al, tl, ar, tr) have parameters that a
    // weights file does not store; "R" is a dropout mask, which evaluation does not use.
    private static bool HasStateBeyondWeights(MultilayerPerceptron model) =>
        model.Layers.Any(layer => layer.ParameterNames.Any(name => name is not ("W" or "DW" or "b" or "Db" or "R")));

    private static int RequirePositive(int value, string optionName) =>
        value >= 1 ? value : throw new UsageException($"{optionName}: {value} is invalid; pass a whole number of at least 1.");

    // Checks an output file before the data set is loaded, so that a wrong path fails at once instead of after
    // the last epoch. The save itself still reports a folder removed during training.
    private static void CheckOutputPath(string optionName, string? path)
    {
        if (path is null)
        {
            return;
        }

        if (path.Trim().Length == 0)
        {
            throw new UsageException($"{optionName}: the path is empty; pass the .npz file to write.");
        }

        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new IOException($"{optionName}: '{path}' is a folder; pass a file path such as '{Path.Combine(path, "weights.npz")}'.");
        }

        string? folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"{optionName}: cannot save '{path}' because the folder '{folder}' does not exist; create the folder first or pass a path in an existing folder.");
        }
    }

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
