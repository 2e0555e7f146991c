namespace Nerva.Specification;

/// <summary>
/// The arguments of one value such as <c>SReLU(0.1, tr=2)</c>, matched to the parameters of its
/// <see cref="NameEntry"/> by position or by name, with defaults filled in and every value checked.
/// </summary>
internal sealed class BoundArguments
{
    private readonly double[] _reals;
    private readonly long[] _integers;
    private readonly IReadOnlyList<long>[] _lists;
    private readonly OptionText _option;
    private readonly SyntaxValue _value;
    private readonly NameEntry _entry;

    private BoundArguments(OptionText option, SyntaxValue value, NameEntry entry)
    {
        _option = option;
        _value = value;
        _entry = entry;
        _reals = new double[entry.Parameters.Count];
        _integers = new long[entry.Parameters.Count];
        _lists = new IReadOnlyList<long>[entry.Parameters.Count];
    }

    /// <summary>The value of the real parameter at <paramref name="index"/>.</summary>
    public double Real(int index) => _reals[index];

    /// <summary>The value of the integer parameter at <paramref name="index"/>.</summary>
    public long Integer(int index) => _integers[index];

    /// <summary>The values of the list parameter at <paramref name="index"/>.</summary>
    public IReadOnlyList<long> Integers(int index) => _lists[index];

    /// <summary>Creates the exception for a problem with this value. Its hint shows the expected signature.</summary>
    public SpecificationException Error(string problem) => _option.Error(problem, _value.Text, $"expected {_entry.Signature}");

    /// <summary>Matches the arguments of <paramref name="value"/> to the parameters of <paramref name="entry"/>.</summary>
    /// <exception cref="SpecificationException">An argument is empty, unknown, repeated, missing or invalid.</exception>
    public static BoundArguments Bind(OptionText option, SyntaxValue value, NameEntry entry)
    {
        var bound = new BoundArguments(option, value, entry);
        IReadOnlyList<RawArgument> arguments = bound.ReadArguments();
        RawArgument?[] assigned = bound.Assign(arguments);
        for (int i = 0; i < assigned.Length; i++)
        {
            bound.Convert(i, assigned[i]);
        }

        return bound;
    }

    private IReadOnlyList<RawArgument> ReadArguments()
    {
        var arguments = new List<RawArgument>();
        if (_value.Groups.Count == 0)
        {
            return arguments;
        }

        if (!_entry.GroupedArguments)
        {
            if (_value.Groups.Count > 1)
            {
                throw Error($"'{_value.Text}' contains ';' inside its parentheses, but {_entry.Name} separates its arguments with ','");
            }

            IReadOnlyList<string> items = _value.Groups[0];
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i].Length == 0)
                {
                    throw Error($"argument {i + 1} of '{_value.Text}' is empty");
                }

                (string? name, string text) = SplitName(items[i]);
                arguments.Add(new RawArgument(name, [text]));
            }

            return arguments;
        }

        for (int g = 0; g < _value.Groups.Count; g++)
        {
            IReadOnlyList<string> items = _value.Groups[g];
            if (items.Any(item => item.Length == 0))
            {
                throw Error($"argument {g + 1} of '{_value.Text}' is empty or has an empty value");
            }

            (string? name, string first) = SplitName(items[0]);
            if (items.Skip(1).Any(item => item.Contains('=', StringComparison.Ordinal)))
            {
                throw Error($"argument {g + 1} of '{_value.Text}' has a name after its first value, but only the first value can be preceded by 'name='");
            }

            arguments.Add(new RawArgument(name, [first, .. items.Skip(1)]));
        }

        return arguments;
    }

    private (string? Name, string Text) SplitName(string item)
    {
        int equals = item.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return (null, item);
        }

        string name = item[..equals].Trim();
        string text = item[(equals + 1)..].Trim();
        if (name.Length == 0)
        {
            throw Error($"missing argument name before '=' in '{_value.Text}'");
        }

        if (text.Length == 0)
        {
            throw Error($"missing value after '{name}=' in '{_value.Text}'");
        }

        return (name, text);
    }

    private RawArgument?[] Assign(IReadOnlyList<RawArgument> arguments)
    {
        IReadOnlyList<ParameterDefinition> parameters = _entry.Parameters;
        var assigned = new RawArgument?[parameters.Count];
        int nextPosition = 0;
        bool namedSeen = false;
        foreach (RawArgument argument in arguments)
        {
            if (argument.Name is null)
            {
                if (namedSeen)
                {
                    throw Error($"positional argument '{argument.Values[0]}' follows a named argument in '{_value.Text}'");
                }

                if (nextPosition >= parameters.Count)
                {
                    throw Error(parameters.Count == 0
                        ? $"{_entry.Name} takes no arguments, but '{_value.Text}' has {arguments.Count}"
                        : $"{_entry.Name} takes at most {parameters.Count} argument{(parameters.Count == 1 ? "" : "s")}, but '{_value.Text}' has {arguments.Count}");
                }

                assigned[nextPosition++] = argument;
                continue;
            }

            namedSeen = true;
            int index = FindParameter(argument.Name);
            if (index < 0)
            {
                throw Error(parameters.Count == 0
                    ? $"{_entry.Name} takes no arguments, but '{_value.Text}' names '{argument.Name}'"
                    : $"{_entry.Name} has no argument named '{argument.Name}'");
            }

            if (assigned[index] is not null)
            {
                throw Error($"argument {parameters[index].Name} of {_entry.Name} is given twice in '{_value.Text}'");
            }

            assigned[index] = argument;
        }

        return assigned;
    }

    private int FindParameter(string name)
    {
        for (int i = 0; i < _entry.Parameters.Count; i++)
        {
            if (_entry.Parameters[i].Matches(name))
            {
                return i;
            }
        }

        return -1;
    }

    private void Convert(int index, RawArgument? argument)
    {
        ParameterDefinition parameter = _entry.Parameters[index];
        string subject = $"{parameter.Name} of {_entry.Name}";
        if (argument is null)
        {
            _reals[index] = parameter.Default ?? throw Error($"missing argument {parameter.Name} in '{_value.Text}'");
            return;
        }

        IReadOnlyList<string> values = argument.Values;
        if (parameter.Type != ParameterType.AscendingIntegers && values.Count > 1)
        {
            throw Error($"{subject} takes one value, but '{_value.Text}' gives {values.Count}: {string.Join(",", values)}");
        }

        switch (parameter.Type)
        {
            case ParameterType.Real:
                _reals[index] = NumberReader.ReadReal(values[0], subject, parameter.Rule, Error);
                break;
            case ParameterType.Integer:
                _integers[index] = NumberReader.ReadInteger(values[0], subject, parameter.Rule, long.MaxValue, Error);
                break;
            case ParameterType.AscendingIntegers:
                _lists[index] = ReadAscending(values, subject, parameter.Rule);
                break;
        }
    }

    private long[] ReadAscending(IReadOnlyList<string> values, string subject, ValueRule rule)
    {
        var result = new long[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            result[i] = NumberReader.ReadInteger(values[i], subject, rule, long.MaxValue, Error);
            if (i > 0 && result[i] <= result[i - 1])
            {
                throw Error($"{subject} must be strictly ascending, but {values[i]} follows {values[i - 1]}");
            }
        }

        return result;
    }

    private sealed record RawArgument(string? Name, IReadOnlyList<string> Values);
}
