namespace Nerva.Specification;

/// <summary>The number of inputs D and outputs K of one layer.</summary>
/// <param name="InputSize">D, the width of the layer's input.</param>
/// <param name="OutputSize">K, the width of the layer's output.</param>
public readonly record struct LayerShape(int InputSize, int OutputSize);

/// <summary>
/// A multilayer perceptron as given by the options <c>--layers</c>, <c>--layer-sizes</c>,
/// <c>--layer-weights</c>, <c>--optimizers</c> and <c>--dropouts</c>, with every list length checked.
/// A layer "with weights" is every kind except <see cref="LayerKind.BatchNormalization"/>, which keeps
/// the width of its input. Every layer has trainable parameters (W and b, or γ and β), so every
/// layer has an optimizer.
/// </summary>
public sealed record NetworkSpecification
{
    private NetworkSpecification(
        IReadOnlyList<LayerSpecification> layers,
        IReadOnlyList<int> sizes,
        IReadOnlyList<WeightInitializer> weightInitializers,
        IReadOnlyList<Optimizer> optimizers,
        IReadOnlyList<double> dropouts)
    {
        Layers = layers;
        Sizes = sizes;
        WeightInitializers = weightInitializers;
        Optimizers = optimizers;
        Dropouts = dropouts;
        LayerShapes = ComputeShapes(layers, sizes);
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<LayerSpecification> Layers { get; }

    /// <summary>The input size, then the output size of each layer with weights.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>One initializer per layer with weights, in layer order.</summary>
    public IReadOnlyList<WeightInitializer> WeightInitializers { get; }

    /// <summary>One optimizer per layer, in layer order.</summary>
    public IReadOnlyList<Optimizer> Optimizers { get; }

    /// <summary>One drop probability q per layer with weights, in layer order, where 0 means no dropout.</summary>
    public IReadOnlyList<double> Dropouts { get; }

    /// <summary>The input and output width of each layer, in layer order.</summary>
    public IReadOnlyList<LayerShape> LayerShapes { get; }

    /// <summary>The number of inputs D of the network.</summary>
    public int InputSize => Sizes[0];

    /// <summary>The number of outputs K of the network.</summary>
    public int OutputSize => Sizes[^1];

    /// <summary>The initializer used when <c>--layer-weights</c> is omitted: Xavier, U(−1/√D, 1/√D).</summary>
    public static WeightInitializer DefaultWeightInitializer => new(WeightInitializerKind.Xavier);

    /// <summary>
    /// Parses and checks the option values of a network. A single initializer, optimizer or dropout
    /// rate applies to every layer it concerns. A list must have one entry per such layer.
    /// </summary>
    /// <param name="layers">The layer list, for example <c>ReLU;ReLU;Linear</c>.</param>
    /// <param name="layerSizes">The input size, then one output size per layer with weights, for example <c>784;1024;512;10</c>.</param>
    /// <param name="layerWeights">The initializers, or null for <see cref="DefaultWeightInitializer"/>.</param>
    /// <param name="optimizers">The optimizers, or null for gradient descent.</param>
    /// <param name="dropouts">The drop probabilities, or null for no dropout.</param>
    /// <exception cref="SpecificationException">An option is invalid, or a list has the wrong length.</exception>
    public static NetworkSpecification Parse(
        string layers,
        string layerSizes,
        string? layerWeights = null,
        string? optimizers = null,
        string? dropouts = null)
    {
        IReadOnlyList<LayerSpecification> layerList = SpecificationParser.ParseLayers(layers);
        IReadOnlyList<int> sizes = SpecificationParser.ParseLayerSizes(layerSizes);
        int weightedCount = layerList.Count(layer => layer.HasWeights);
        if (sizes.Count != weightedCount + 1)
        {
            throw new OptionText(OptionNames.LayerSizes, layerSizes).Error(
                $"'{layerSizes}' has {Count(sizes.Count, "value")}, but {OptionNames.Layers} has {Count(weightedCount, "layer")} with weights, "
                + $"so it needs {weightedCount + 1}: the input size, then one output size per layer with weights",
                layerSizes,
                null);
        }

        IReadOnlyList<WeightInitializer> initializers = layerWeights is null
            ? Repeat(DefaultWeightInitializer, weightedCount)
            : Expand(SpecificationParser.ParseWeightInitializers(layerWeights), weightedCount, OptionNames.LayerWeights, layerWeights, "initializer", "layer with weights");
        IReadOnlyList<Optimizer> optimizerList = optimizers is null
            ? Repeat(Optimizer.GradientDescent, layerList.Count)
            : Expand(SpecificationParser.ParseOptimizers(optimizers), layerList.Count, OptionNames.Optimizers, optimizers, "optimizer", "layer");
        IReadOnlyList<double> dropoutList = dropouts is null
            ? Repeat(0.0, weightedCount)
            : Expand(SpecificationParser.ParseDropouts(dropouts), weightedCount, OptionNames.Dropouts, dropouts, "dropout rate", "layer with weights");

        return new NetworkSpecification(layerList, sizes, initializers, optimizerList, dropoutList);
    }

    /// <summary>Returns the network as command-line options in canonical spelling, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() =>
        $"{OptionNames.Layers}=\"{string.Join(";", Layers)}\" {OptionNames.LayerSizes}=\"{string.Join(";", Sizes)}\" "
        + $"{OptionNames.LayerWeights}=\"{string.Join(";", WeightInitializers)}\" {OptionNames.Optimizers}=\"{string.Join(";", Optimizers)}\" "
        + $"{OptionNames.Dropouts}=\"{string.Join(";", Dropouts.Select(rate => rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}\"";

    private static T[] Repeat<T>(T value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static IReadOnlyList<T> Expand<T>(IReadOnlyList<T> values, int needed, string optionName, string text, string what, string per)
    {
        if (values.Count == 1)
        {
            return Repeat(values[0], needed);
        }

        if (values.Count != needed)
        {
            string layers = per == "layer" ? Count(needed, "layer") : $"{Count(needed, "layer")} with weights";
            throw new OptionText(optionName, text).Error(
                $"'{text}' has {Count(values.Count, "value")}, but {OptionNames.Layers} has {layers}",
                text,
                $"pass one {what} for all of them or {needed}, one per {per}");
        }

        return values;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static LayerShape[] ComputeShapes(IReadOnlyList<LayerSpecification> layers, IReadOnlyList<int> sizes)
    {
        var shapes = new LayerShape[layers.Count];
        int width = sizes[0];
        int next = 1;
        for (int i = 0; i < layers.Count; i++)
        {
            int output = layers[i].HasWeights ? sizes[next++] : width;
            shapes[i] = new LayerShape(width, output);
            width = output;
        }

        return shapes;
    }
}
