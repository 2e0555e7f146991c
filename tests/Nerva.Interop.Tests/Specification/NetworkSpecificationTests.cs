using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

public class NetworkSpecificationTests
{
    [Fact]
    public void Parse_ReadsFullNetwork()
    {
        NetworkSpecification network = NetworkSpecification.Parse(
            "ReLU;ReLU;Linear", "784;1024;512;10", "Xavier;He;Zero", "Momentum(0.9);Nesterov(0.5);GradientDescent", "0.1;0.2;0");

        Assert.Equal(3, network.Layers.Count);
        Assert.Equal([784, 1024, 512, 10], network.Sizes);
        Assert.Equal(784, network.InputSize);
        Assert.Equal(10, network.OutputSize);
        Assert.Equal(
            [new WeightInitializer(WeightInitializerKind.Xavier), new WeightInitializer(WeightInitializerKind.He), new WeightInitializer(WeightInitializerKind.Zero)],
            network.WeightInitializers);
        Assert.Equal([Optimizer.WithMomentum(0.9), Optimizer.Nesterov(0.5), Optimizer.GradientDescent], network.Optimizers);
        Assert.Equal([0.1, 0.2, 0.0], network.Dropouts);
        Assert.Equal([new LayerShape(784, 1024), new LayerShape(1024, 512), new LayerShape(512, 10)], network.LayerShapes);
    }

    [Fact]
    public void Parse_UsesDefaultsForOmittedOptions()
    {
        NetworkSpecification network = NetworkSpecification.Parse("ReLU;Softmax", "4;8;3");

        Assert.Equal([NetworkSpecification.DefaultWeightInitializer, NetworkSpecification.DefaultWeightInitializer], network.WeightInitializers);
        Assert.Equal(WeightInitializerKind.Xavier, NetworkSpecification.DefaultWeightInitializer.Kind);
        Assert.Equal([Optimizer.GradientDescent, Optimizer.GradientDescent], network.Optimizers);
        Assert.Equal([0.0, 0.0], network.Dropouts);
    }

    [Fact]
    public void Parse_AppliesSingleValueToEveryLayer()
    {
        NetworkSpecification network = NetworkSpecification.Parse(
            "BatchNormalization;ReLU;BatchNorm;ReLU;Linear", "3072;1024;1024;10", "XavierNormal", "Nesterov(0.9)", "0.3");

        var initializer = new WeightInitializer(WeightInitializerKind.XavierNormal);
        Assert.Equal([initializer, initializer, initializer], network.WeightInitializers);
        Assert.Equal(Enumerable.Repeat(Optimizer.Nesterov(0.9), 5), network.Optimizers);
        Assert.Equal([0.3, 0.3, 0.3], network.Dropouts);
    }

    [Fact]
    public void Parse_KeepsWidthAcrossBatchNormalization()
    {
        NetworkSpecification network = NetworkSpecification.Parse("BatchNormalization;ReLU;BatchNormalization;BatchNormalization;Linear", "6;5;2");

        Assert.Equal(
            [new LayerShape(6, 6), new LayerShape(6, 5), new LayerShape(5, 5), new LayerShape(5, 5), new LayerShape(5, 2)],
            network.LayerShapes);
        Assert.Equal(6, network.InputSize);
        Assert.Equal(2, network.OutputSize);
    }

    [Fact]
    public void Parse_RejectsTooFewSizes()
    {
        Rejection.Check(
            () => NetworkSpecification.Parse("ReLU;ReLU;Linear", "784;1024;10"),
            "--layer-sizes",
            "784;1024;10",
            "'784;1024;10' has 3 values, but --layers has 3 layers with weights, so it needs 4: the input size, then one output size per layer with weights");
    }

    [Fact]
    public void Parse_DoesNotCountBatchNormalizationForSizes()
    {
        Rejection.Check(
            () => NetworkSpecification.Parse("BatchNormalization;ReLU;Linear", "784;1024;512;10"),
            "--layer-sizes",
            "784;1024;512;10",
            "has 4 values, but --layers has 2 layers with weights, so it needs 3");
    }

    [Fact]
    public void Parse_RejectsWrongInitializerCount()
    {
        Rejection.Check(
            () => NetworkSpecification.Parse("BatchNorm;ReLU;ReLU;Linear", "8;4;4;2", "Xavier;He"),
            "--layer-weights",
            "Xavier;He",
            "'Xavier;He' has 2 values, but --layers has 3 layers with weights",
            "pass one initializer for all of them or 3, one per layer with weights");
    }

    [Fact]
    public void Parse_RejectsWrongOptimizerCount()
    {
        Rejection.Check(
            () => NetworkSpecification.Parse("BatchNorm;ReLU;Linear", "8;4;2", null, "Momentum(0.9);GradientDescent"),
            "--optimizers",
            "Momentum(0.9);GradientDescent",
            "has 2 values, but --layers has 3 layers",
            "pass one optimizer for all of them or 3, one per layer");
    }

    [Fact]
    public void Parse_RejectsDropoutPerBatchNormalizationLayer()
    {
        Rejection.Check(
            () => NetworkSpecification.Parse("BatchNorm;ReLU;Linear", "8;4;2", null, null, "0;0.5;0.5"),
            "--dropouts",
            "0;0.5;0.5",
            "'0;0.5;0.5' has 3 values, but --layers has 2 layers with weights",
            "pass one dropout rate for all of them or 2, one per layer with weights");
    }

    [Fact]
    public void Parse_ReportsInvalidItemWithItsOption()
    {
        Rejection.Check(
            () => NetworkSpecification.Parse("ReLU;Linear", "4;8;2", "Xavier;Foo"),
            "--layer-weights",
            "Xavier;Foo",
            "unknown weight initializer 'Foo'",
            "valid weight initializers: Xavier");
    }

    [Fact]
    public void ToString_ParsesBackToEqualNetwork()
    {
        NetworkSpecification network = NetworkSpecification.Parse(
            "BatchNorm;tanh;LeakyReLU(0.1);Softmax", "10;20;30;5", "HeNormal;Uniform(-0.5,0.5);Zero", "Momentum(0.9)", "0.1;0;0.25");

        string text = network.ToString();
        NetworkSpecification reparsed = NetworkSpecification.Parse(
            Option(text, "--layers"), Option(text, "--layer-sizes"), Option(text, "--layer-weights"), Option(text, "--optimizers"), Option(text, "--dropouts"));

        Assert.Equal("BatchNormalization;HyperbolicTangent;LeakyReLU(0.1);Softmax", Option(text, "--layers"));
        Assert.Equal(network.Layers, reparsed.Layers);
        Assert.Equal(network.Sizes, reparsed.Sizes);
        Assert.Equal(network.WeightInitializers, reparsed.WeightInitializers);
        Assert.Equal(network.Optimizers, reparsed.Optimizers);
        Assert.Equal(network.Dropouts, reparsed.Dropouts);
    }

    // Extracts the quoted value of `name="value"` from the output of NetworkSpecification.ToString.
    private static string Option(string text, string name)
    {
        int start = text.IndexOf(name + "=\"", StringComparison.Ordinal) + name.Length + 2;
        int end = text.IndexOf('"', start);
        return text[start..end];
    }
}
