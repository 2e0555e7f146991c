using System.Globalization;

namespace Nerva.Specification;

/// <summary>
/// Parses the specification strings that users type on the command line, in the spellings of the
/// Nerva C++ and Python tools. A value is <c>Name</c> or <c>Name(arguments)</c>, with arguments given
/// by position or as <c>name=value</c> and separated by ','; lists separate their items with ';'.
/// Names match case-insensitively and ignore '_' and '-'. Numbers use the invariant culture.
/// Every method throws <see cref="SpecificationException"/> with a one-line message on invalid text.
/// </summary>
public static class SpecificationParser
{
    private const string LayerSizesHint = "layer sizes are whole numbers greater than 0 separated by ';', for example 784;1024;10";
    private const string DropoutsHint = "dropout rates are drop probabilities q with 0 <= q < 1 separated by ';', for example 0;0.2;0.5";

    /// <summary>Parses a layer list such as <c>ReLU;LeakyReLU(alpha=0.1);Softmax</c>.</summary>
    /// <param name="text">The option value. For the names see <see cref="SpecificationNames.Layers"/>.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    /// <returns>One specification per layer, in order.</returns>
    /// <exception cref="SpecificationException">The text is not a valid layer list.</exception>
    public static IReadOnlyList<LayerSpecification> ParseLayers(string text, string optionName = OptionNames.Layers) =>
        SpecificationTables.Layers.ParseList(new OptionText(optionName, text));

    /// <summary>Parses layer sizes such as <c>784;1024;512;10</c>, with ',' accepted as separator too.</summary>
    /// <param name="text">Whole numbers greater than 0.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    /// <exception cref="SpecificationException">The text is not a list of positive whole numbers.</exception>
    public static IReadOnlyList<int> ParseLayerSizes(string text, string optionName = OptionNames.LayerSizes)
    {
        var option = new OptionText(optionName, text);
        IReadOnlyList<string> items = SpecificationSyntax.SplitList(option, [';', ','], LayerSizesHint);
        var sizes = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            sizes[i] = (int)NumberReader.ReadInteger(
                items[i], $"layer size {i + 1}", ValueRule.Positive, int.MaxValue, problem => option.Error(problem, items[i], LayerSizesHint));
        }

        return sizes;
    }

    /// <summary>Parses one weight initializer such as <c>XavierNormalized</c> or <c>Uniform(-0.1,0.1)</c>.</summary>
    /// <param name="text">The option value. For the names see <see cref="SpecificationNames.WeightInitializers"/>.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    /// <exception cref="SpecificationException">The text is not exactly one valid initializer.</exception>
    public static WeightInitializer ParseWeightInitializer(string text, string optionName = OptionNames.LayerWeights) =>
        SpecificationTables.WeightInitializers.ParseSingle(new OptionText(optionName, text));

    /// <summary>Parses a list of weight initializers such as <c>Xavier;He;Zero</c>.</summary>
    /// <exception cref="SpecificationException">The text is not a valid list of initializers.</exception>
    /// <param name="text">The option value. For the names see <see cref="SpecificationNames.WeightInitializers"/>.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    public static IReadOnlyList<WeightInitializer> ParseWeightInitializers(string text, string optionName = OptionNames.LayerWeights) =>
        SpecificationTables.WeightInitializers.ParseList(new OptionText(optionName, text));

    /// <summary>Parses one optimizer such as <c>GradientDescent</c> or <c>Nesterov(mu=0.9)</c>.</summary>
    /// <param name="text">The option value. For the names see <see cref="SpecificationNames.Optimizers"/>.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    /// <exception cref="SpecificationException">The text is not exactly one valid optimizer.</exception>
    public static Optimizer ParseOptimizer(string text, string optionName = OptionNames.Optimizers) =>
        SpecificationTables.Optimizers.ParseSingle(new OptionText(optionName, text));

    /// <summary>Parses a list of optimizers such as <c>Momentum(0.9);GradientDescent</c>.</summary>
    /// <exception cref="SpecificationException">The text is not a valid list of optimizers.</exception>
    /// <param name="text">The option value. For the names see <see cref="SpecificationNames.Optimizers"/>.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    public static IReadOnlyList<Optimizer> ParseOptimizers(string text, string optionName = OptionNames.Optimizers) =>
        SpecificationTables.Optimizers.ParseList(new OptionText(optionName, text));

    /// <summary>Parses a loss such as <c>SoftmaxCrossEntropy</c>.</summary>
    /// <param name="text">The option value. For the names see <see cref="SpecificationNames.Losses"/>.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    /// <exception cref="SpecificationException">The text is not exactly one valid loss.</exception>
    public static LossKind ParseLoss(string text, string optionName = OptionNames.Loss) =>
        SpecificationTables.Losses.ParseSingle(new OptionText(optionName, text));

    /// <summary>
    /// Parses a learning rate: a plain positive number such as <c>0.01</c>, which means a constant
    /// rate, or a scheduler such as <c>StepBased(0.1,0.5,10)</c> or <c>MultiStepLR(0.1;1,3,5;0.1)</c>.
    /// </summary>
    /// <param name="text">The option value. For the names see <see cref="SpecificationNames.LearningRateSchedulers"/>.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    /// <exception cref="SpecificationException">The text is not a positive number or a valid scheduler.</exception>
    public static LearningRateSchedule ParseLearningRate(string text, string optionName = OptionNames.LearningRate)
    {
        var option = new OptionText(optionName, text);
        NameTable<LearningRateSchedule> table = SpecificationTables.LearningRateSchedules;
        string trimmed = text.Trim();
        bool looksNumeric = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || (trimmed.Length > 0 && (char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '.' or '-' or '+'));
        if (!looksNumeric)
        {
            return table.ParseSingle(option);
        }

        double rate = NumberReader.ReadReal(trimmed, "the learning rate", ValueRule.Positive, problem => option.Error(problem, text, table.ChoicesHint));
        return LearningRateSchedule.Constant(rate);
    }

    /// <summary>Parses dropout rates such as <c>0;0.2;0.5</c>, with ',' accepted as separator too.</summary>
    /// <param name="text">Drop probabilities q with 0 ≤ q &lt; 1, so a weight is dropped with probability q.</param>
    /// <param name="optionName">The option name that starts error messages.</param>
    /// <exception cref="SpecificationException">The text is not a list of valid drop probabilities.</exception>
    public static IReadOnlyList<double> ParseDropouts(string text, string optionName = OptionNames.Dropouts)
    {
        var option = new OptionText(optionName, text);
        IReadOnlyList<string> items = SpecificationSyntax.SplitList(option, [';', ','], DropoutsHint);
        var rates = new double[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            rates[i] = NumberReader.ReadReal(
                items[i], $"dropout rate {i + 1}", ValueRule.Probability, problem => option.Error(problem, items[i], DropoutsHint));
        }

        return rates;
    }
}
