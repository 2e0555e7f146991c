namespace Nerva.Specification;

/// <summary>
/// The spellings that <see cref="SpecificationParser"/> accepts, with their parameters, for help text.
/// They come from the tables the parser matches against. Each alias follows its canonical spelling,
/// for example "HyperbolicTangent", "Tanh". Names match case-insensitively, ignoring '_' and '-'.
/// </summary>
public static class SpecificationNames
{
    /// <summary>The layers, for example "Linear", "ReLU", "LeakyReLU(alpha)", "SReLU(al,tl,ar,tr)".</summary>
    public static IReadOnlyList<string> Layers => SpecificationTables.Layers.Spellings;

    /// <summary>The weight initializers, for example "Xavier", "Uniform(a,b)", "Normal(mean,std)".</summary>
    public static IReadOnlyList<string> WeightInitializers => SpecificationTables.WeightInitializers.Spellings;

    /// <summary>The optimizers, for example "GradientDescent", "Momentum(mu)", "Nesterov(mu)".</summary>
    public static IReadOnlyList<string> Optimizers => SpecificationTables.Optimizers.Spellings;

    /// <summary>The losses, for example "SquaredError", "SoftmaxCrossEntropy".</summary>
    public static IReadOnlyList<string> Losses => SpecificationTables.Losses.Spellings;

    /// <summary>
    /// The learning-rate schedulers, for example "Constant(lr)", "MultiStepLR(lr;m1,m2,...;gamma)".
    /// A plain positive number is accepted too and means Constant.
    /// </summary>
    public static IReadOnlyList<string> LearningRateSchedulers => SpecificationTables.LearningRateSchedules.Spellings;
}
