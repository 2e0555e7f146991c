namespace Nerva.Specification;

/// <summary>
/// A name that users type in a specification, with its aliases and parameters. Help text and error
/// messages list the signatures of these entries, so they always match what the parser accepts.
/// </summary>
internal class NameEntry
{
    public NameEntry(string name, IReadOnlyList<ParameterDefinition>? parameters, IReadOnlyList<string>? aliases, bool groupedArguments)
    {
        Name = name;
        Parameters = parameters ?? [];
        Aliases = aliases ?? [];
        GroupedArguments = groupedArguments;
    }

    /// <summary>The canonical spelling, for example "HyperbolicTangent".</summary>
    public string Name { get; }

    /// <summary>Other accepted spellings, for example "Tanh".</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The parameters in positional order.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>
    /// Whether the arguments are separated by ';' and each may be a ','-separated list, as in
    /// <c>MultiStepLR(lr;m1,m2,...;gamma)</c>. Otherwise they are separated by ','.
    /// </summary>
    public bool GroupedArguments { get; }

    /// <summary>The canonical spelling with its parameters, for example "LeakyReLU(alpha)".</summary>
    public string Signature => SignatureOf(Name);

    /// <summary>The signature of the canonical spelling, then those of the aliases.</summary>
    public IEnumerable<string> Spellings => new[] { Name }.Concat(Aliases).Select(SignatureOf);

    /// <summary>Whether <paramref name="name"/> is this entry's name or an alias, ignoring case, '_' and '-'.</summary>
    public bool Matches(string name)
    {
        string normalized = SpecificationSyntax.Normalize(name);
        return new[] { Name }.Concat(Aliases).Any(spelling => SpecificationSyntax.Normalize(spelling) == normalized);
    }

    private string SignatureOf(string spelling)
    {
        if (Parameters.Count == 0)
        {
            return spelling;
        }

        string separator = GroupedArguments ? ";" : ",";
        return $"{spelling}({string.Join(separator, Parameters.Select(parameter => parameter.DisplayName))})";
    }
}

/// <summary>A <see cref="NameEntry"/> with the function that builds the parsed result from its arguments.</summary>
internal sealed class NameEntry<T> : NameEntry
{
    public NameEntry(
        string name,
        Func<BoundArguments, T> create,
        IReadOnlyList<ParameterDefinition>? parameters = null,
        IReadOnlyList<string>? aliases = null,
        bool groupedArguments = false)
        : base(name, parameters, aliases, groupedArguments)
    {
        Create = create;
    }

    /// <summary>Builds the result, which may throw through <see cref="BoundArguments.Error"/> for checks across arguments.</summary>
    public Func<BoundArguments, T> Create { get; }
}
