namespace Nerva.Specification;

/// <summary>
/// The names of the Nerva C++ and Python tools, with their parameters, defaults and valid ranges.
/// The parser, its error messages and <see cref="SpecificationNames"/> all read these tables.
/// </summary>
internal static class SpecificationTables
{
    public static readonly NameTable<LayerSpecification> Layers = new("layer", "layers",
    [
        new("Linear", _ => LayerSpecification.Linear),
        new("ReLU", _ => LayerSpecification.WithActivation(Activation.ReLU)),
        new("Sigmoid", _ => LayerSpecification.WithActivation(Activation.Sigmoid)),
        new("HyperbolicTangent", _ => LayerSpecification.WithActivation(Activation.HyperbolicTangent), aliases: ["Tanh"]),
        new("Softmax", _ => LayerSpecification.Softmax),
        new("LogSoftmax", _ => LayerSpecification.LogSoftmax),
        new("BatchNormalization", _ => LayerSpecification.BatchNormalization, aliases: ["BatchNorm"]),
        new("AllReLU", arguments => LayerSpecification.WithActivation(Activation.AllReLU(arguments.Real(0))),
            [ParameterDefinition.Real("alpha", ValueRule.Any)]),
        new("LeakyReLU", arguments => LayerSpecification.WithActivation(Activation.LeakyReLU(arguments.Real(0))),
            [ParameterDefinition.Real("alpha", ValueRule.Any)]),

        // The defaults a_l, t_l, a_r, t_r = 0, 0, 0, 1 make SReLU start out equal to ReLU.
        new("SReLU", arguments => LayerSpecification.WithActivation(
                Activation.SReLU(arguments.Real(0), arguments.Real(1), arguments.Real(2), arguments.Real(3))),
            [
                ParameterDefinition.Real("al", ValueRule.Any, 0),
                ParameterDefinition.Real("tl", ValueRule.Any, 0),
                ParameterDefinition.Real("ar", ValueRule.Any, 0),
                ParameterDefinition.Real("tr", ValueRule.Any, 1),
            ]),
    ]);

    public static readonly NameTable<WeightInitializer> WeightInitializers = new("weight initializer", "weight initializers",
    [
        new("Xavier", _ => new WeightInitializer(WeightInitializerKind.Xavier)),
        new("XavierNormalized", _ => new WeightInitializer(WeightInitializerKind.XavierNormalized), aliases: ["XavierUniform"]),
        new("XavierNormal", _ => new WeightInitializer(WeightInitializerKind.XavierNormal)),
        new("He", _ => new WeightInitializer(WeightInitializerKind.He), aliases: ["HeNormal"]),
        new("HeUniform", _ => new WeightInitializer(WeightInitializerKind.HeUniform)),

        // Without arguments Uniform is U(-1, 1), the bounds of the Nerva C++ tool's uniform initializer.
        new("Uniform", CreateUniform,
            [
                ParameterDefinition.Real("a", ValueRule.Any, -1, "low"),
                ParameterDefinition.Real("b", ValueRule.Any, 1, "high"),
            ]),

        // Without arguments Normal is N(0, 1), the default of PyTorch's torch.nn.init.normal_.
        new("Normal", arguments => new WeightInitializer(WeightInitializerKind.Normal, arguments.Real(0), arguments.Real(1)),
            [
                ParameterDefinition.Real("mean", ValueRule.Any, 0),
                ParameterDefinition.Real("std", ValueRule.Positive, 1),
            ]),
        new("Zero", _ => new WeightInitializer(WeightInitializerKind.Zero)),
    ]);

    public static readonly NameTable<Optimizer> Optimizers = new("optimizer", "optimizers",
    [
        new("GradientDescent", _ => Optimizer.GradientDescent),
        new("Momentum", arguments => Optimizer.WithMomentum(arguments.Real(0)),
            [ParameterDefinition.Real("mu", ValueRule.OpenUnitInterval, null, "momentum")]),
        new("Nesterov", arguments => Optimizer.Nesterov(arguments.Real(0)),
            [ParameterDefinition.Real("mu", ValueRule.OpenUnitInterval, null, "momentum")]),
    ]);

    public static readonly NameTable<LossKind> Losses = new("loss", "losses",
    [
        new("SquaredError", _ => LossKind.SquaredError),
        new("MeanSquaredError", _ => LossKind.MeanSquaredError),
        new("CrossEntropy", _ => LossKind.CrossEntropy),
        new("SoftmaxCrossEntropy", _ => LossKind.SoftmaxCrossEntropy),
        new("LogisticCrossEntropy", _ => LossKind.LogisticCrossEntropy),
        new("NegativeLogLikelihood", _ => LossKind.NegativeLogLikelihood),
    ]);

    public static readonly NameTable<LearningRateSchedule> LearningRateSchedules = new("learning-rate scheduler", "learning rates",
    [
        new("Constant", arguments => LearningRateSchedule.Constant(arguments.Real(0)),
            [InitialRate()]),
        new("TimeBased", arguments => new LearningRateSchedule(LearningRateScheduleKind.TimeBased, arguments.Real(0), Decay: arguments.Real(1)),
            [InitialRate(), ParameterDefinition.Real("decay", ValueRule.NonNegative)]),

        // The Nerva tools call the drop factor f "drop_rate" and the period p in epochs "change_rate".
        new("StepBased", arguments => new LearningRateSchedule(
                LearningRateScheduleKind.StepBased, arguments.Real(0), DropFactor: arguments.Real(1), Period: arguments.Integer(2)),
            [
                InitialRate(),
                ParameterDefinition.Real("drop_rate", ValueRule.Factor, null, "drop_factor"),
                ParameterDefinition.Integer("change_rate", ValueRule.Positive, "period"),
            ]),
        new("MultiStepLR", arguments => new LearningRateSchedule(
                LearningRateScheduleKind.MultiStep, arguments.Real(0), DropFactor: arguments.Real(2), Milestones: arguments.Integers(1)),
            [
                InitialRate(),
                new ParameterDefinition("milestones", ParameterType.AscendingIntegers, ValueRule.NonNegative, Placeholder: "m1,m2,..."),
                ParameterDefinition.Real("gamma", ValueRule.Factor),
            ],
            aliases: ["MultiStep"],
            groupedArguments: true),
        new("Exponential", arguments => new LearningRateSchedule(LearningRateScheduleKind.Exponential, arguments.Real(0), Decay: arguments.Real(1)),
            [InitialRate(), ParameterDefinition.Real("change_rate", ValueRule.NonNegative, null, "decay")]),
    ],
    otherChoice: "a positive number such as 0.01");

    private static ParameterDefinition InitialRate() => ParameterDefinition.Real("lr", ValueRule.Positive);

    private static WeightInitializer CreateUniform(BoundArguments arguments)
    {
        double a = arguments.Real(0);
        double b = arguments.Real(1);
        if (a >= b)
        {
            throw arguments.Error($"the lower bound a of Uniform must be less than the upper bound b, but got a = {a.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} and b = {b.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return new WeightInitializer(WeightInitializerKind.Uniform, a, b);
    }
}
