using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

// Checks that a parser rejects a value with a one-line message that names the option and contains
// the given fragments (the offending value, the problem and the valid choices).
internal static class Rejection
{
    public static SpecificationException Check(Func<object> parse, string optionName, string text, params string[] fragments)
    {
        var exception = Assert.Throws<SpecificationException>(() => parse());

        Assert.Equal(optionName, exception.OptionName);
        Assert.Equal(text, exception.Text);
        Assert.StartsWith(optionName + ": ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
        }

        return exception;
    }
}
