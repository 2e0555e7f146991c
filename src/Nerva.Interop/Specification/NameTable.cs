namespace Nerva.Specification;

/// <summary>
/// The names of one category (layers, optimizers, ...) that the parser matches against. The same
/// table supplies the valid choices in error messages and in <see cref="SpecificationNames"/>.
/// </summary>
internal sealed class NameTable<T>
{
    private readonly IReadOnlyList<NameEntry<T>> _entries;
    private readonly string? _otherChoice;

    /// <summary>Creates the table and checks that no two spellings match each other.</summary>
    /// <param name="singular">The category in messages, for example "layer".</param>
    /// <param name="plural">The plural, for example "layers".</param>
    /// <param name="entries">The entries in the order of the help text.</param>
    /// <param name="otherChoice">A choice that is not a name, listed first in messages, for example "a positive number".</param>
    public NameTable(string singular, string plural, IReadOnlyList<NameEntry<T>> entries, string? otherChoice = null)
    {
        Singular = singular;
        Plural = plural;
        _entries = entries;
        _otherChoice = otherChoice;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string spelling in entries.SelectMany(entry => new[] { entry.Name }.Concat(entry.Aliases)))
        {
            if (!seen.Add(SpecificationSyntax.Normalize(spelling)))
            {
                throw new InvalidOperationException($"The {singular} table contains '{spelling}' twice.");
            }
        }

        Spellings = entries.SelectMany(entry => entry.Spellings).ToArray();
    }

    public string Singular { get; }

    public string Plural { get; }

    /// <summary>Every accepted spelling with its parameters, aliases right after their canonical name.</summary>
    public IReadOnlyList<string> Spellings { get; }

    /// <summary>The hint that ends a message about an unknown name, for example "valid layers: Linear, ReLU, ...".</summary>
    public string ChoicesHint => _otherChoice is null
        ? $"valid {Plural}: {string.Join(", ", Spellings)}"
        : $"valid {Plural}: {_otherChoice}, {string.Join(", ", Spellings)}";

    /// <summary>Parses the option text as a ';'-separated list of values.</summary>
    public IReadOnlyList<T> ParseList(OptionText option)
    {
        IReadOnlyList<string> items = SpecificationSyntax.SplitList(option, [';'], ChoicesHint);
        return items.Select(item => ParseItem(option, item)).ToArray();
    }

    /// <summary>Parses the option text as exactly one value.</summary>
    public T ParseSingle(OptionText option)
    {
        IReadOnlyList<string> items = SpecificationSyntax.SplitList(option, [';'], ChoicesHint);
        if (items.Count > 1)
        {
            throw option.Error($"expected one {Singular}, but '{option.Text}' has {items.Count}", option.Text, ChoicesHint);
        }

        return ParseItem(option, items[0]);
    }

    /// <summary>Parses one trimmed, non-empty list item.</summary>
    public T ParseItem(OptionText option, string item)
    {
        SyntaxValue value = SpecificationSyntax.ParseValue(option, item, ChoicesHint);
        NameEntry<T> entry = _entries.FirstOrDefault(candidate => candidate.Matches(value.Name))
            ?? throw option.Error($"unknown {Singular} '{value.Name}'", value.Name, ChoicesHint);
        return entry.Create(BoundArguments.Bind(option, value, entry));
    }
}
