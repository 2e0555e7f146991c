namespace Nerva.Specification;

/// <summary>
/// The error raised when the text of a command-line option such as <c>--layers</c> is not a valid
/// specification. The message is one line that names the option, the offending value, what is wrong
/// with it and the valid choices.
/// </summary>
public sealed class SpecificationException : FormatException
{
    /// <summary>Creates an exception for the option <paramref name="optionName"/> with value <paramref name="text"/>.</summary>
    /// <param name="optionName">The option, for example <c>--layers</c>.</param>
    /// <param name="text">The complete value of the option as the user typed it.</param>
    /// <param name="message">The one-line message, starting with the option name.</param>
    public SpecificationException(string optionName, string text, string message)
        : base(message)
    {
        OptionName = optionName;
        Text = text;
    }

    /// <summary>The option whose value is invalid, for example <c>--layers</c>.</summary>
    public string OptionName { get; }

    /// <summary>The complete value of the option as the user typed it.</summary>
    public string Text { get; }
}
