using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

public class WeightInitializerParserTests
{
    public static TheoryData<string, WeightInitializer> EveryName => new()
    {
        { "Xavier", new(WeightInitializerKind.Xavier) },
        { "XavierNormalized", new(WeightInitializerKind.XavierNormalized) },
        { "XavierUniform", new(WeightInitializerKind.XavierNormalized) },
        { "xavier_uniform", new(WeightInitializerKind.XavierNormalized) },
        { "XavierNormal", new(WeightInitializerKind.XavierNormal) },
        { "He", new(WeightInitializerKind.He) },
        { "HeNormal", new(WeightInitializerKind.He) },
        { "he-normal", new(WeightInitializerKind.He) },
        { "HeUniform", new(WeightInitializerKind.HeUniform) },
        { "Zero", new(WeightInitializerKind.Zero) },
        { "Uniform", new(WeightInitializerKind.Uniform, -1, 1) },
        { "Uniform()", new(WeightInitializerKind.Uniform, -1, 1) },
        { "Uniform(-0.1,0.1)", new(WeightInitializerKind.Uniform, -0.1, 0.1) },
        { "Uniform(a=0, b=2)", new(WeightInitializerKind.Uniform, 0, 2) },
        { "Uniform(low=-3,high=-2)", new(WeightInitializerKind.Uniform, -3, -2) },
        { "Uniform(b=0.5)", new(WeightInitializerKind.Uniform, -1, 0.5) },
        { "Normal", new(WeightInitializerKind.Normal, 0, 1) },
        { "Normal(0.5,0.01)", new(WeightInitializerKind.Normal, 0.5, 0.01) },
        { "normal(std=2)", new(WeightInitializerKind.Normal, 0, 2) },
        { "Normal(mean=-1, std=0.1)", new(WeightInitializerKind.Normal, -1, 0.1) },
    };

    [Theory]
    [MemberData(nameof(EveryName))]
    public void ParseWeightInitializer_AcceptsName(string text, WeightInitializer expected)
    {
        Assert.Equal(expected, SpecificationParser.ParseWeightInitializer(text));
    }

    [Theory]
    [InlineData("XavierUniform", "XavierNormalized")]
    [InlineData("HeNormal", "He")]
    [InlineData("uniform", "Uniform(-1,1)")]
    [InlineData("Normal(std=0.5)", "Normal(0,0.5)")]
    public void ToString_GivesCanonicalSpelling(string text, string expected)
    {
        Assert.Equal(expected, SpecificationParser.ParseWeightInitializer(text).ToString());
    }

    [Theory]
    [InlineData("Xavier")]
    [InlineData("XavierNormalized")]
    [InlineData("XavierNormal")]
    [InlineData("He")]
    [InlineData("HeUniform")]
    [InlineData("Zero")]
    [InlineData("Uniform(-0.3,0.7)")]
    [InlineData("Normal(0.1,0.02)")]
    public void ToString_ParsesBackToEqualInitializer(string text)
    {
        WeightInitializer initializer = SpecificationParser.ParseWeightInitializer(text);

        Assert.Equal(initializer, SpecificationParser.ParseWeightInitializer(initializer.ToString()));
    }

    [Fact]
    public void ParseWeightInitializers_ReadsList()
    {
        IReadOnlyList<WeightInitializer> initializers = SpecificationParser.ParseWeightInitializers("Xavier; He ;Uniform(-0.5,0.5)");

        Assert.Equal(
            [new WeightInitializer(WeightInitializerKind.Xavier), new WeightInitializer(WeightInitializerKind.He), new WeightInitializer(WeightInitializerKind.Uniform, -0.5, 0.5)],
            initializers);
    }

    [Fact]
    public void ParseWeightInitializer_RejectsUnknownNameWithChoices()
    {
        Rejection.Check(
            () => SpecificationParser.ParseWeightInitializer("Glorot"),
            "--layer-weights",
            "Glorot",
            "unknown weight initializer 'Glorot'",
            "valid weight initializers: Xavier, XavierNormalized, XavierUniform, XavierNormal, He, HeNormal, HeUniform, Uniform(a,b), Normal(mean,std), Zero");
    }

    [Theory]
    [InlineData("Uniform(1,-1)", "the lower bound a of Uniform must be less than the upper bound b, but got a = 1 and b = -1", "expected Uniform(a,b)")]
    [InlineData("Uniform(0.5,0.5)", "must be less than the upper bound b", "expected Uniform(a,b)")]
    [InlineData("Uniform(a=2)", "but got a = 2 and b = 1", "expected Uniform(a,b)")]
    [InlineData("Normal(0,0)", "std of Normal must be greater than 0, but got 0", "expected Normal(mean,std)")]
    [InlineData("Normal(0,-1)", "std of Normal must be greater than 0, but got -1", "expected Normal(mean,std)")]
    [InlineData("Normal(NaN,1)", "mean of Normal must be a finite number, but got 'NaN'", "expected Normal(mean,std)")]
    [InlineData("Normal(sigma=1)", "Normal has no argument named 'sigma'", "expected Normal(mean,std)")]
    [InlineData("He(2)", "He takes no arguments, but 'He(2)' has 1", "expected He")]
    [InlineData("Zero(scale=1)", "Zero takes no arguments, but 'Zero(scale=1)' names 'scale'", "expected Zero")]
    public void ParseWeightInitializer_RejectsBadArguments(string text, string problem, string hint)
    {
        Rejection.Check(() => SpecificationParser.ParseWeightInitializer(text), "--layer-weights", text, problem, hint);
    }

    [Fact]
    public void ParseWeightInitializer_RejectsList()
    {
        Rejection.Check(
            () => SpecificationParser.ParseWeightInitializer("Xavier;He"),
            "--layer-weights",
            "Xavier;He",
            "expected one weight initializer, but 'Xavier;He' has 2",
            "valid weight initializers: Xavier");
    }
}
