namespace Nerva.Specification;

/// <summary>
/// The command-line options whose values <see cref="SpecificationParser"/> reads, spelled as the Nerva
/// tools spell them. Error messages start with these names unless a parser is given another one.
/// </summary>
public static class OptionNames
{
    /// <summary>The layer list, for example <c>ReLU;ReLU;Linear</c>.</summary>
    public const string Layers = "--layers";

    /// <summary>The layer sizes, for example <c>784;1024;512;10</c>.</summary>
    public const string LayerSizes = "--layer-sizes";

    /// <summary>The weight initializers, one for all layers with weights or one per such layer.</summary>
    public const string LayerWeights = "--layer-weights";

    /// <summary>The optimizers, one for all layers or one per layer.</summary>
    public const string Optimizers = "--optimizers";

    /// <summary>The dropout rates, one for all layers with weights or one per such layer.</summary>
    public const string Dropouts = "--dropouts";

    /// <summary>The loss function.</summary>
    public const string Loss = "--loss";

    /// <summary>The learning rate or learning-rate scheduler.</summary>
    public const string LearningRate = "--learning-rate";
}
