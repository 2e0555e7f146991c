using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

public class OptimizerAndLossParserTests
{
    public static TheoryData<string, Optimizer> EveryOptimizer => new()
    {
        { "GradientDescent", Optimizer.GradientDescent },
        { "gradient_descent", Optimizer.GradientDescent },
        { "GradientDescent()", Optimizer.GradientDescent },
        { "Momentum(0.9)", Optimizer.WithMomentum(0.9) },
        { "Momentum(mu=0.5)", Optimizer.WithMomentum(0.5) },
        { "momentum(momentum=0.25)", Optimizer.WithMomentum(0.25) },
        { "Nesterov(0.9)", Optimizer.Nesterov(0.9) },
        { "NESTEROV( mu = 0.99 )", Optimizer.Nesterov(0.99) },
        { "Nesterov(Momentum=0.1)", Optimizer.Nesterov(0.1) },
    };

    [Theory]
    [MemberData(nameof(EveryOptimizer))]
    public void ParseOptimizer_AcceptsName(string text, Optimizer expected)
    {
        Assert.Equal(expected, SpecificationParser.ParseOptimizer(text));
    }

    [Theory]
    [InlineData("GradientDescent")]
    [InlineData("Momentum(0.9)")]
    [InlineData("Nesterov(0.123456789)")]
    public void ToString_ParsesBackToEqualOptimizer(string text)
    {
        Optimizer optimizer = SpecificationParser.ParseOptimizer(text);

        Assert.Equal(text, optimizer.ToString());
        Assert.Equal(optimizer, SpecificationParser.ParseOptimizer(optimizer.ToString()));
    }

    [Fact]
    public void ParseOptimizers_ReadsList()
    {
        Assert.Equal(
            [Optimizer.WithMomentum(0.9), Optimizer.GradientDescent, Optimizer.Nesterov(0.5)],
            SpecificationParser.ParseOptimizers("Momentum(0.9);GradientDescent;Nesterov(mu=0.5)"));
    }

    [Theory]
    [InlineData("Adam", "unknown optimizer 'Adam'", "valid optimizers: GradientDescent, Momentum(mu), Nesterov(mu)")]
    [InlineData("Momentum", "missing argument mu in 'Momentum'", "expected Momentum(mu)")]
    [InlineData("Momentum(1)", "mu of Momentum must be greater than 0 and less than 1, but got 1", "expected Momentum(mu)")]
    [InlineData("Nesterov(0)", "mu of Nesterov must be greater than 0 and less than 1, but got 0", "expected Nesterov(mu)")]
    [InlineData("Nesterov(-0.9)", "mu of Nesterov must be greater than 0 and less than 1, but got -0.9", "expected Nesterov(mu)")]
    [InlineData("Momentum(0.9,0.1)", "Momentum takes at most 1 argument, but 'Momentum(0.9,0.1)' has 2", "expected Momentum(mu)")]
    [InlineData("Momentum(beta=0.9)", "Momentum has no argument named 'beta'", "expected Momentum(mu)")]
    [InlineData("Momentum(mu=0.9,momentum=0.8)", "argument mu of Momentum is given twice", "expected Momentum(mu)")]
    [InlineData("GradientDescent(0.1)", "GradientDescent takes no arguments", "expected GradientDescent")]
    public void ParseOptimizer_RejectsBadValue(string text, string problem, string hint)
    {
        Rejection.Check(() => SpecificationParser.ParseOptimizer(text), "--optimizers", text, problem, hint);
    }

    [Theory]
    [InlineData("SquaredError", LossKind.SquaredError)]
    [InlineData("squared_error", LossKind.SquaredError)]
    [InlineData("MeanSquaredError", LossKind.MeanSquaredError)]
    [InlineData("CrossEntropy", LossKind.CrossEntropy)]
    [InlineData("SoftmaxCrossEntropy", LossKind.SoftmaxCrossEntropy)]
    [InlineData(" softmax-cross-entropy ", LossKind.SoftmaxCrossEntropy)]
    [InlineData("LogisticCrossEntropy", LossKind.LogisticCrossEntropy)]
    [InlineData("NegativeLogLikelihood", LossKind.NegativeLogLikelihood)]
    [InlineData("NEGATIVELOGLIKELIHOOD()", LossKind.NegativeLogLikelihood)]
    public void ParseLoss_AcceptsName(string text, LossKind expected)
    {
        Assert.Equal(expected, SpecificationParser.ParseLoss(text));
    }

    [Fact]
    public void ParseLoss_AcceptsEveryEnumName()
    {
        foreach (LossKind kind in Enum.GetValues<LossKind>())
        {
            Assert.Equal(kind, SpecificationParser.ParseLoss(kind.ToString()));
        }
    }

    [Theory]
    [InlineData("MSE", "unknown loss 'MSE'", "valid losses: SquaredError, MeanSquaredError, CrossEntropy, SoftmaxCrossEntropy, LogisticCrossEntropy, NegativeLogLikelihood")]
    [InlineData("CrossEntropy(0.1)", "CrossEntropy takes no arguments, but 'CrossEntropy(0.1)' has 1", "expected CrossEntropy")]
    [InlineData("CrossEntropy;SquaredError", "expected one loss, but 'CrossEntropy;SquaredError' has 2", "valid losses: SquaredError")]
    [InlineData("", "missing value", "valid losses: SquaredError")]
    public void ParseLoss_RejectsBadValue(string text, string problem, string hint)
    {
        Rejection.Check(() => SpecificationParser.ParseLoss(text), "--loss", text, problem, hint);
    }
}
