using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

public class SpecificationNamesTests
{
    [Fact]
    public void Layers_ListsNamesWithParameters()
    {
        Assert.Equal(
            ["Linear", "ReLU", "Sigmoid", "HyperbolicTangent", "Tanh", "Softmax", "LogSoftmax", "BatchNormalization", "BatchNorm", "AllReLU(alpha)", "LeakyReLU(alpha)", "SReLU(al,tl,ar,tr)"],
            SpecificationNames.Layers);
    }

    [Fact]
    public void OtherCategories_ListNamesWithParameters()
    {
        Assert.Equal(
            ["Xavier", "XavierNormalized", "XavierUniform", "XavierNormal", "He", "HeNormal", "HeUniform", "Uniform(a,b)", "Normal(mean,std)", "Zero"],
            SpecificationNames.WeightInitializers);
        Assert.Equal(["GradientDescent", "Momentum(mu)", "Nesterov(mu)"], SpecificationNames.Optimizers);
        Assert.Equal(
            ["SquaredError", "MeanSquaredError", "CrossEntropy", "SoftmaxCrossEntropy", "LogisticCrossEntropy", "NegativeLogLikelihood"],
            SpecificationNames.Losses);
        Assert.Equal(
            ["Constant(lr)", "TimeBased(lr,decay)", "StepBased(lr,drop_rate,change_rate)", "MultiStepLR(lr;m1,m2,...;gamma)", "MultiStep(lr;m1,m2,...;gamma)", "Exponential(lr,change_rate)"],
            SpecificationNames.LearningRateSchedulers);
    }

    // Every listed spelling must parse once its placeholders are replaced by valid values, so the help
    // text can never offer a name that the parser rejects.
    [Fact]
    public void EveryListedSpelling_Parses()
    {
        foreach (string spelling in SpecificationNames.Layers)
        {
            Assert.Single(SpecificationParser.ParseLayers(Fill(spelling)));
        }

        foreach (string spelling in SpecificationNames.WeightInitializers)
        {
            SpecificationParser.ParseWeightInitializer(Fill(spelling));
        }

        foreach (string spelling in SpecificationNames.Optimizers)
        {
            SpecificationParser.ParseOptimizer(Fill(spelling));
        }

        foreach (string spelling in SpecificationNames.Losses)
        {
            SpecificationParser.ParseLoss(Fill(spelling));
        }

        foreach (string spelling in SpecificationNames.LearningRateSchedulers)
        {
            SpecificationParser.ParseLearningRate(Fill(spelling));
        }

        Assert.NotEmpty(SpecificationNames.Layers);
    }

    [Fact]
    public void EveryActivationKind_HasLayerName()
    {
        foreach (ActivationKind kind in Enum.GetValues<ActivationKind>())
        {
            Assert.Contains(SpecificationNames.Layers, spelling => spelling.StartsWith(kind.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryWeightInitializerKind_HasName()
    {
        foreach (WeightInitializerKind kind in Enum.GetValues<WeightInitializerKind>())
        {
            Assert.Contains(SpecificationNames.WeightInitializers, spelling => spelling.StartsWith(kind.ToString(), StringComparison.Ordinal));
        }
    }

    // Replaces each parameter placeholder by a value that the parameter accepts.
    private static string Fill(string spelling)
    {
        int open = spelling.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return spelling;
        }

        string[] groups = spelling[(open + 1)..^1].Split(';');
        IEnumerable<string> filled = groups.Select(group => group == "m1,m2,..." ? "1,2" : string.Join(",", group.Split(',').Select(FillParameter)));
        return $"{spelling[..open]}({string.Join(";", filled)})";
    }

    private static string FillParameter(string name) => name switch
    {
        "b" or "tr" => "0.75",
        "change_rate" => "2",
        _ => "0.5",
    };
}
