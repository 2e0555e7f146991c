namespace Nerva.Specification;

/// <summary>How the text of an argument is read.</summary>
internal enum ParameterType
{
    /// <summary>A finite floating-point number.</summary>
    Real,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>One or more whole numbers in strictly ascending order.</summary>
    AscendingIntegers,
}

/// <summary>A condition on the value of an argument, with the words that describe it in messages.</summary>
/// <param name="Description">Completes "must be ...", for example "greater than 0".</param>
/// <param name="Accepts">Whether a finite value satisfies the condition.</param>
internal sealed record ValueRule(string Description, Func<double, bool> Accepts)
{
    public static readonly ValueRule Any = new("a finite number", _ => true);

    public static readonly ValueRule Positive = new("greater than 0", value => value > 0);

    public static readonly ValueRule NonNegative = new("at least 0", value => value >= 0);

    public static readonly ValueRule OpenUnitInterval = new("greater than 0 and less than 1", value => value > 0 && value < 1);

    public static readonly ValueRule Factor = new("greater than 0 and at most 1", value => value > 0 && value <= 1);

    public static readonly ValueRule Probability = new("at least 0 and less than 1", value => value >= 0 && value < 1);
}

/// <summary>A parameter of a named specification such as <c>alpha</c> of <c>LeakyReLU(alpha)</c>.</summary>
/// <param name="Name">The canonical name, accepted as <c>name=value</c>.</param>
/// <param name="Type">How the argument text is read.</param>
/// <param name="Rule">The condition the value must satisfy.</param>
/// <param name="Default">The value when the argument is omitted, or null when it is required.</param>
/// <param name="Aliases">Other accepted names for <c>name=value</c>.</param>
/// <param name="Placeholder">The text shown in signatures, or null to show <paramref name="Name"/>.</param>
internal sealed record ParameterDefinition(
    string Name,
    ParameterType Type,
    ValueRule Rule,
    double? Default = null,
    IReadOnlyList<string>? Aliases = null,
    string? Placeholder = null)
{
    /// <summary>The parameter as shown in signatures, for example "alpha" or "m1,m2,...".</summary>
    public string DisplayName => Placeholder ?? Name;

    /// <summary>Whether <paramref name="name"/> is the canonical name or an alias, ignoring case, '_' and '-'.</summary>
    public bool Matches(string name)
    {
        string normalized = SpecificationSyntax.Normalize(name);
        return SpecificationSyntax.Normalize(Name) == normalized
            || (Aliases ?? []).Any(alias => SpecificationSyntax.Normalize(alias) == normalized);
    }

    public static ParameterDefinition Real(string name, ValueRule rule, double? defaultValue = null, params string[] aliases) =>
        new(name, ParameterType.Real, rule, defaultValue, aliases);

    public static ParameterDefinition Integer(string name, ValueRule rule, params string[] aliases) =>
        new(name, ParameterType.Integer, rule, null, aliases);
}
