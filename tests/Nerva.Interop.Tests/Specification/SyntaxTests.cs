using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

public class SyntaxTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseLayers_RejectsEmptyText(string text)
    {
        Rejection.Check(() => SpecificationParser.ParseLayers(text), "--layers", text, "missing value", "valid layers: Linear, ReLU");
    }

    [Theory]
    [InlineData("ReLU;;Linear", "item 2 of 'ReLU;;Linear' is empty", "remove the extra ';'")]
    [InlineData("ReLU;Linear;", "item 3 of 'ReLU;Linear;' is empty", "remove the extra ';'")]
    [InlineData(";ReLU", "item 1 of ';ReLU' is empty", "remove the extra ';'")]
    [InlineData("ReLU; ;Linear", "item 2 of 'ReLU; ;Linear' is empty", "remove the extra ';'")]
    public void ParseLayers_RejectsEmptyItem(string text, string problem, string hint)
    {
        Rejection.Check(() => SpecificationParser.ParseLayers(text), "--layers", text, problem, hint);
    }

    [Theory]
    [InlineData("LeakyReLU(0.1", "missing ')' for the '(' at position 10 of 'LeakyReLU(0.1'")]
    [InlineData("ReLU);Linear", "unmatched ')' at position 5 of 'ReLU);Linear'")]
    [InlineData("SReLU((0.1))", "unexpected '(' at position 7 of 'SReLU((0.1))'")]
    [InlineData("LeakyReLU(0.1)x", "unexpected text 'x' after ')' in 'LeakyReLU(0.1)x'")]
    [InlineData("(0.1)", "missing name before '(' in '(0.1)'")]
    public void ParseLayers_RejectsMalformedParentheses(string text, string problem)
    {
        Rejection.Check(() => SpecificationParser.ParseLayers(text), "--layers", text, problem);
    }

    [Fact]
    public void ParseLayers_KeepsSemicolonInsideParenthesesInOneItem()
    {
        // The ';' inside the parentheses does not split the list, so the item reaches LeakyReLU.
        Rejection.Check(
            () => SpecificationParser.ParseLayers("ReLU;LeakyReLU(0.1;0.2)"),
            "--layers",
            "ReLU;LeakyReLU(0.1;0.2)",
            "'LeakyReLU(0.1;0.2)' contains ';' inside its parentheses");
    }

    [Theory]
    [InlineData("LeakyReLU(-0.5)", -0.5)]
    [InlineData("LeakyReLU(+0.5)", 0.5)]
    [InlineData("LeakyReLU(1e-3)", 0.001)]
    [InlineData("LeakyReLU(1E-3)", 0.001)]
    [InlineData("LeakyReLU(.25)", 0.25)]
    [InlineData("LeakyReLU( 2 )", 2.0)]
    public void Numbers_UseInvariantCulture(string text, double alpha)
    {
        Assert.Equal(alpha, SpecificationParser.ParseLayers(text)[0].Activation!.Value.Alpha);
    }

    [Fact]
    public void Numbers_IgnoreCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");

            Assert.Equal(0.5, SpecificationParser.ParseLayers("LeakyReLU(0.5)")[0].Activation!.Value.Alpha);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Parsers_RejectNullText()
    {
        Assert.Throws<ArgumentNullException>(() => SpecificationParser.ParseLayers(null!));
        Assert.Throws<ArgumentNullException>(() => SpecificationParser.ParseLearningRate(null!));
    }
}
