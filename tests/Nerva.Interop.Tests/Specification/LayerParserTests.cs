using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

public class LayerParserTests
{
    public static TheoryData<string, LayerSpecification> EveryName => new()
    {
        { "Linear", LayerSpecification.Linear },
        { "ReLU", LayerSpecification.WithActivation(Activation.ReLU) },
        { "Sigmoid", LayerSpecification.WithActivation(Activation.Sigmoid) },
        { "HyperbolicTangent", LayerSpecification.WithActivation(Activation.HyperbolicTangent) },
        { "Tanh", LayerSpecification.WithActivation(Activation.HyperbolicTangent) },
        { "hyperbolic_tangent", LayerSpecification.WithActivation(Activation.HyperbolicTangent) },
        { "Softmax", LayerSpecification.Softmax },
        { "LogSoftmax", LayerSpecification.LogSoftmax },
        { "log-softmax", LayerSpecification.LogSoftmax },
        { "BatchNormalization", LayerSpecification.BatchNormalization },
        { "BatchNorm", LayerSpecification.BatchNormalization },
        { "batch_norm", LayerSpecification.BatchNormalization },
        { "RELU", LayerSpecification.WithActivation(Activation.ReLU) },
        { "relu()", LayerSpecification.WithActivation(Activation.ReLU) },
        { "AllReLU(0.3)", LayerSpecification.WithActivation(Activation.AllReLU(0.3)) },
        { "AllReLU(alpha=-0.5)", LayerSpecification.WithActivation(Activation.AllReLU(-0.5)) },
        { "LeakyReLU(0.1)", LayerSpecification.WithActivation(Activation.LeakyReLU(0.1)) },
        { "leaky_relu(ALPHA=1e-2)", LayerSpecification.WithActivation(Activation.LeakyReLU(0.01)) },
        { "SReLU", LayerSpecification.WithActivation(Activation.SReLU(0, 0, 0, 1)) },
        { "SReLU(0.1,0.2,0.3,0.4)", LayerSpecification.WithActivation(Activation.SReLU(0.1, 0.2, 0.3, 0.4)) },
        { "SReLU(0.1)", LayerSpecification.WithActivation(Activation.SReLU(0.1, 0, 0, 1)) },
        { "SReLU(tr=2, al=0.5)", LayerSpecification.WithActivation(Activation.SReLU(0.5, 0, 0, 2)) },
        { "SReLU(0.1, 0.2, ar=0.3)", LayerSpecification.WithActivation(Activation.SReLU(0.1, 0.2, 0.3, 1)) },
    };

    [Theory]
    [MemberData(nameof(EveryName))]
    public void ParseLayers_AcceptsName(string text, LayerSpecification expected)
    {
        IReadOnlyList<LayerSpecification> layers = SpecificationParser.ParseLayers(text);

        Assert.Equal([expected], layers);
    }

    [Fact]
    public void ParseLayers_ReadsListInOrder()
    {
        IReadOnlyList<LayerSpecification> layers = SpecificationParser.ParseLayers("BatchNorm;ReLU;LeakyReLU(0.2);Softmax");

        Assert.Equal(
            [LayerSpecification.BatchNormalization, LayerSpecification.WithActivation(Activation.ReLU), LayerSpecification.WithActivation(Activation.LeakyReLU(0.2)), LayerSpecification.Softmax],
            layers);
    }

    [Fact]
    public void ParseLayers_IgnoresWhiteSpaceAroundTokens()
    {
        IReadOnlyList<LayerSpecification> layers = SpecificationParser.ParseLayers("  ReLU ;\tSReLU ( al = 0.1 , tr = 3 ) ; Linear ");

        Assert.Equal(3, layers.Count);
        Assert.Equal(Activation.SReLU(0.1, 0, 0, 3), layers[1].Activation);
        Assert.Equal(LayerKind.Linear, layers[2].Kind);
    }

    [Theory]
    [InlineData("ReLU", "ReLU")]
    [InlineData("tanh", "HyperbolicTangent")]
    [InlineData("batchnorm", "BatchNormalization")]
    [InlineData("linear", "Linear")]
    [InlineData("log_softmax", "LogSoftmax")]
    [InlineData("leakyrelu(alpha=0.25)", "LeakyReLU(0.25)")]
    [InlineData("SReLU", "SReLU(0,0,0,1)")]
    public void ToString_GivesCanonicalSpelling(string text, string expected)
    {
        Assert.Equal(expected, SpecificationParser.ParseLayers(text)[0].ToString());
    }

    [Theory]
    [InlineData("ReLU")]
    [InlineData("Tanh")]
    [InlineData("AllReLU(-0.125)")]
    [InlineData("LeakyReLU(1e-5)")]
    [InlineData("SReLU(0.1,-0.2,0.3,4.5)")]
    [InlineData("BatchNormalization")]
    [InlineData("Softmax")]
    public void ToString_ParsesBackToEqualLayer(string text)
    {
        LayerSpecification layer = SpecificationParser.ParseLayers(text)[0];

        Assert.Equal(layer, SpecificationParser.ParseLayers(layer.ToString())[0]);
    }

    [Fact]
    public void HasWeights_IsFalseOnlyForBatchNormalization()
    {
        foreach (LayerSpecification layer in SpecificationParser.ParseLayers("Linear;ReLU;Softmax;LogSoftmax;Sigmoid"))
        {
            Assert.True(layer.HasWeights, layer.ToString());
        }

        Assert.False(LayerSpecification.BatchNormalization.HasWeights);
    }

    [Fact]
    public void Constructor_RejectsActivationKindWithoutFunction()
    {
        Assert.Throws<ArgumentException>(() => new LayerSpecification(LayerKind.Activation));
        Assert.Throws<ArgumentException>(() => new LayerSpecification(LayerKind.Linear, Activation.ReLU));
    }

    [Fact]
    public void ParseLayers_RejectsUnknownNameWithChoices()
    {
        Rejection.Check(
            () => SpecificationParser.ParseLayers("ReLU;Relu6;Linear"),
            "--layers",
            "ReLU;Relu6;Linear",
            "unknown layer 'Relu6' in 'ReLU;Relu6;Linear'",
            "valid layers: Linear, ReLU, Sigmoid, HyperbolicTangent, Tanh, Softmax, LogSoftmax, BatchNormalization, BatchNorm, AllReLU(alpha), LeakyReLU(alpha), SReLU(al,tl,ar,tr)");
    }

    [Fact]
    public void ParseLayers_UsesGivenOptionName()
    {
        Rejection.Check(() => SpecificationParser.ParseLayers("Foo", "--architecture"), "--architecture", "Foo", "unknown layer 'Foo'", "valid layers: Linear");
    }

    [Theory]
    [InlineData("LeakyReLU", "missing argument alpha in 'LeakyReLU'", "expected LeakyReLU(alpha)")]
    [InlineData("AllReLU()", "missing argument alpha in 'AllReLU()'", "expected AllReLU(alpha)")]
    [InlineData("LeakyReLU(0.1,0.2)", "LeakyReLU takes at most 1 argument, but 'LeakyReLU(0.1,0.2)' has 2", "expected LeakyReLU(alpha)")]
    [InlineData("SReLU(1,2,3,4,5)", "SReLU takes at most 4 arguments, but 'SReLU(1,2,3,4,5)' has 5", "expected SReLU(al,tl,ar,tr)")]
    [InlineData("ReLU(0.1)", "ReLU takes no arguments, but 'ReLU(0.1)' has 1", "expected ReLU")]
    [InlineData("LeakyReLU(beta=0.1)", "LeakyReLU has no argument named 'beta'", "expected LeakyReLU(alpha)")]
    [InlineData("SReLU(al=0.1,0.2)", "positional argument '0.2' follows a named argument", "expected SReLU(al,tl,ar,tr)")]
    [InlineData("SReLU(0.1,al=0.2)", "argument al of SReLU is given twice", "expected SReLU(al,tl,ar,tr)")]
    [InlineData("LeakyReLU(abc)", "alpha of LeakyReLU must be a number such as 0.01, 1e-3 or -0.5, but got 'abc'", "expected LeakyReLU(alpha)")]
    [InlineData("LeakyReLU(NaN)", "alpha of LeakyReLU must be a finite number, but got 'NaN'", "expected LeakyReLU(alpha)")]
    [InlineData("LeakyReLU(Infinity)", "alpha of LeakyReLU must be a finite number, but got 'Infinity'", "expected LeakyReLU(alpha)")]
    [InlineData("LeakyReLU(1e999)", "alpha of LeakyReLU must be a finite number, but got '1e999'", "expected LeakyReLU(alpha)")]
    [InlineData("SReLU(0.1,,0.2)", "argument 2 of 'SReLU(0.1,,0.2)' is empty", "expected SReLU(al,tl,ar,tr)")]
    [InlineData("LeakyReLU(alpha=)", "missing value after 'alpha=' in 'LeakyReLU(alpha=)'", "expected LeakyReLU(alpha)")]
    [InlineData("LeakyReLU(=0.1)", "missing argument name before '='", "expected LeakyReLU(alpha)")]
    [InlineData("LeakyReLU(0.1;0.2)", "contains ';' inside its parentheses, but LeakyReLU separates its arguments with ','", "expected LeakyReLU(alpha)")]
    public void ParseLayers_RejectsBadArguments(string text, string problem, string hint)
    {
        Rejection.Check(() => SpecificationParser.ParseLayers(text), "--layers", text, problem, hint);
    }

    [Fact]
    public void ParseLayers_NamesWholeListWhenArgumentIsBad()
    {
        Rejection.Check(
            () => SpecificationParser.ParseLayers("ReLU;LeakyReLU(x);Linear"),
            "--layers",
            "ReLU;LeakyReLU(x);Linear",
            "alpha of LeakyReLU must be a number such as 0.01, 1e-3 or -0.5, but got 'x'",
            "in 'ReLU;LeakyReLU(x);Linear'",
            "expected LeakyReLU(alpha)");
    }

    [Fact]
    public void ParseLayers_RejectsNumberWithCommaDecimalSeparator()
    {
        // "0,1" is two arguments in the invariant-culture syntax, so LeakyReLU reports the count.
        Rejection.Check(() => SpecificationParser.ParseLayers("LeakyReLU(0,1)"), "--layers", "LeakyReLU(0,1)", "has 2");
    }
}
