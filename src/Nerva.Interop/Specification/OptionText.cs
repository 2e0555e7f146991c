namespace Nerva.Specification;

/// <summary>An option name with the complete value the user typed, used to build error messages.</summary>
internal sealed class OptionText
{
    public OptionText(string optionName, string text)
    {
        ArgumentNullException.ThrowIfNull(optionName);
        ArgumentNullException.ThrowIfNull(text);
        OptionName = optionName;
        Text = text;
    }

    public string OptionName { get; }

    public string Text { get; }

    /// <summary>
    /// Creates the exception "OPTION: PROBLEM in 'TEXT'; HINT". The problem quotes the offending part
    /// itself, so the complete text is added only when it differs from <paramref name="item"/>.
    /// </summary>
    public SpecificationException Error(string problem, string item, string? hint)
    {
        string location = item.Trim() == Text.Trim() ? string.Empty : $" in '{Text}'";
        string suffix = hint is null ? string.Empty : $"; {hint}";
        return new SpecificationException(OptionName, Text, $"{OptionName}: {problem}{location}{suffix}");
    }
}
