using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

public class SizesAndDropoutsParserTests
{
    [Theory]
    [InlineData("784;1024;512;10")]
    [InlineData(" 784 ; 1024;512 ;10 ")]
    [InlineData("784,1024,512,10")]
    public void ParseLayerSizes_ReadsList(string text)
    {
        Assert.Equal([784, 1024, 512, 10], SpecificationParser.ParseLayerSizes(text));
    }

    [Theory]
    [InlineData("784;0;10", "layer size 2 must be a whole number greater than 0, but got 0")]
    [InlineData("784;-5;10", "layer size 2 must be a whole number greater than 0, but got -5")]
    [InlineData("784;10.5", "layer size 2 must be a whole number, but got 10.5")]
    [InlineData("784;abc", "layer size 2 must be a whole number, but got 'abc'")]
    [InlineData("784;3000000000", "layer size 2 must be at most 2147483647, but got 3000000000")]
    [InlineData("", "missing value")]
    public void ParseLayerSizes_RejectsBadValue(string text, string problem)
    {
        Rejection.Check(
            () => SpecificationParser.ParseLayerSizes(text),
            "--layer-sizes",
            text,
            problem,
            "layer sizes are whole numbers greater than 0 separated by ';', for example 784;1024;10");
    }

    [Fact]
    public void Lists_RejectEmptyItem()
    {
        Rejection.Check(() => SpecificationParser.ParseLayerSizes("784;;10"), "--layer-sizes", "784;;10", "item 2 of '784;;10' is empty", "remove the extra ';'");
        Rejection.Check(() => SpecificationParser.ParseDropouts("0.1,"), "--dropouts", "0.1,", "item 2 of '0.1,' is empty", "remove the extra ','");
    }

    [Fact]
    public void ParseLayerSizes_NamesWholeList()
    {
        Rejection.Check(() => SpecificationParser.ParseLayerSizes("784;x;10"), "--layer-sizes", "784;x;10", "'x'", "in '784;x;10'");
    }

    [Theory]
    [InlineData("0;0.2;0.5", new[] { 0.0, 0.2, 0.5 })]
    [InlineData("0.25", new[] { 0.25 })]
    [InlineData(" 0 , 0.999 ", new[] { 0.0, 0.999 })]
    public void ParseDropouts_ReadsList(string text, double[] expected)
    {
        Assert.Equal(expected, SpecificationParser.ParseDropouts(text));
    }

    [Theory]
    [InlineData("0;1", "dropout rate 2 must be at least 0 and less than 1, but got 1")]
    [InlineData("-0.1", "dropout rate 1 must be at least 0 and less than 1, but got -0.1")]
    [InlineData("0;NaN", "dropout rate 2 must be a finite number, but got 'NaN'")]
    [InlineData("half", "dropout rate 1 must be a number such as 0.01, 1e-3 or -0.5, but got 'half'")]
    public void ParseDropouts_RejectsBadValue(string text, string problem)
    {
        Rejection.Check(
            () => SpecificationParser.ParseDropouts(text),
            "--dropouts",
            text,
            problem,
            "dropout rates are drop probabilities q with 0 <= q < 1 separated by ';', for example 0;0.2;0.5");
    }
}
