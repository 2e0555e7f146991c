using System.CommandLine;
using System.Globalization;
using Nerva.Data;
using Nerva.Model;
using Nerva.Specification;
using Nerva.Training;

namespace Nerva.Cli;

/// <summary>nerva evaluate: the loss and accuracy of a saved model, or of saved weights, on a data set.</summary>
internal static class EvaluateCommand
{
    private static readonly Option<string> Dataset = new("--dataset") { Description = "The data set, as for nerva train", Required = true };

    private static readonly Option<string?> ModelFile = new("--model") { Description = "A model file written by --save-model" };

    private static readonly Option<string?> Weights = new("--load-weights") { Description = "A weights file (W1, b1, ...); needs --layers and --layer-sizes" };

    private static readonly Option<string?> Layers = new(OptionNames.Layers) { Description = "The layers, with --load-weights" };

    private static readonly Option<string?> LayerSizes = new(OptionNames.LayerSizes) { Description = "The layer sizes, with --load-weights" };

    private static readonly Option<string> Loss = new(OptionNames.Loss) { Description = "The loss, with --load-weights", DefaultValueFactory = _ => nameof(LossKind.SoftmaxCrossEntropy) };

    private static readonly Option<string> Precision = SharedOptions.CreatePrecision("The scalar type, with --load-weights");

    private static readonly Option<string> Scaling = SharedOptions.CreateScaling("The feature scaling, as for nerva train; use the one the model was trained with");

    private static readonly Option<int?> Threads = SharedOptions.CreateThreads();

    private static readonly Option<int> BatchSize = new("--batch-size")
    {
        Description = "The number of examples per evaluation batch",
        DefaultValueFactory = _ => 1000,
        CustomParser = SharedOptions.CreateIntegerParser(1),
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("evaluate", "Compute the loss and accuracy of a saved model or saved weights on a data set")
        {
            Dataset, ModelFile, Weights, Layers, LayerSizes, Loss, Precision, Scaling, BatchSize, Threads,
        };
        command.SetAction(parse => Run(parse, output, error));
        return command;
    }

    private static int Run(ParseResult parse, TextWriter output, TextWriter error)
    {
        string? modelPath = parse.GetValue(ModelFile);
        string? weightsPath = parse.GetValue(Weights);
        SharedOptions.RequireNonEmptyPath(Dataset.Name, parse.GetValue(Dataset), "the .npz file or the folder of the data set");
        SharedOptions.RequireNonEmptyPath(ModelFile.Name, modelPath, "a model file written by --save-model");
        SharedOptions.RequireNonEmptyPath(Weights.Name, weightsPath, "a weights file written by --save-weights");
        if ((modelPath is null) == (weightsPath is null))
        {
            throw new UsageException("pass either --model FILE, or --load-weights FILE with --layers and --layer-sizes.");
        }

        SharedOptions.ApplyThreads(parse, Threads, error);
        int batchSize = parse.GetValue(BatchSize);
        if (batchSize < 1)
        {
            throw new UsageException($"--batch-size: {batchSize} is invalid; pass a whole number of at least 1.");
        }

        MultilayerPerceptron model;
        if (modelPath is not null)
        {
            foreach (Option option in new Option[] { Layers, LayerSizes, Loss, Precision })
            {
                if (parse.GetResult(option) is { Implicit: false })
                {
                    throw new UsageException($"{option.Name} applies to --load-weights only; a model file records its layers, loss and precision.");
                }
            }

            (model, _) = ModelFiles.LoadModel(modelPath);
        }
        else
        {
            string layers = parse.GetValue(Layers) ?? throw new UsageException("--load-weights needs --layers and --layer-sizes to know the layers.");
            string sizes = parse.GetValue(LayerSizes) ?? throw new UsageException("--load-weights needs --layer-sizes to know the layer sizes.");
            NetworkSpecification network = NetworkSpecification.Parse(layers, sizes);
            ScalarType scalarType = SharedOptions.ToScalarType(parse.GetRequiredValue(Precision));
            model = SharedOptions.BuildModel(network, SpecificationParser.ParseLoss(parse.GetRequiredValue(Loss)), scalarType, seed: 0);
            try
            {
                ModelFiles.LoadWeights(model, weightsPath!);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }

        using (model)
        {
            string datasetName = parse.GetRequiredValue(Dataset);
            FeatureScaling featureScaling = SharedOptions.ToFeatureScaling(parse.GetRequiredValue(Scaling), datasetName);
            DataSet dataSet = DataSet.Load(datasetName, new DataSetLoadOptions { ScalarType = model.ScalarType, Scaling = featureScaling });
            if (dataSet.FeatureCount != model.InputSize || dataSet.ClassCount != model.OutputSize)
            {
                throw new UsageException(
                    $"the model maps {model.InputSize} inputs to {model.OutputSize} outputs but the data set '{datasetName}' has {dataSet.FeatureCount} features and {dataSet.ClassCount} classes; evaluate it on the data it was trained for.");
            }

            using TrainingData data = TrainingData.Create(dataSet, model.ScalarType);
            Evaluation train = model.Evaluate(data.Xtrain, data.Ttrain, batchSize);
            Evaluation test = model.Evaluate(data.Xtest, data.Ttest, batchSize);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train  loss {train.MeanLoss:F6}  accuracy {train.Accuracy:F4}  ({train.Correct} of {train.Count})"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test   loss {test.MeanLoss:F6}  accuracy {test.Accuracy:F4}  ({test.Correct} of {test.Count})"));
        }

        return ExitCodes.Success;
    }
}
