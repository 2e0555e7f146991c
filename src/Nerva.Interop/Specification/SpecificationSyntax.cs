namespace Nerva.Specification;

/// <summary>
/// The syntax shared by all specification strings: a list separates its items with ';' outside
/// parentheses, and each item is <c>Name</c> or <c>Name(arguments)</c> with arguments separated by ','.
/// </summary>
internal static class SpecificationSyntax
{
    /// <summary>
    /// Reduces a name to the form used for matching, so that names match case-insensitively and
    /// '_' and '-' are ignored ("hyperbolic_tangent" matches "HyperbolicTangent").
    /// </summary>
    public static string Normalize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c != '_' && c != '-')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits the option text into trimmed items at each separator outside parentheses, after checking
    /// that the parentheses are balanced and not nested.
    /// </summary>
    /// <exception cref="SpecificationException">The text is empty, has an empty item or unbalanced parentheses.</exception>
    public static IReadOnlyList<string> SplitList(OptionText option, ReadOnlySpan<char> separators, string choicesHint)
    {
        string text = option.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw option.Error("missing value", text, choicesHint);
        }

        CheckParentheses(option);

        var items = new List<string>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            bool atEnd = i == text.Length;
            if (!atEnd && text[i] == '(')
            {
                depth++;
            }
            else if (!atEnd && text[i] == ')')
            {
                depth--;
            }
            else if (atEnd || (depth == 0 && separators.Contains(text[i])))
            {
                string item = text[start..i].Trim();
                if (item.Length == 0)
                {
                    string separator = atEnd ? text.TrimEnd()[^1].ToString() : text[i].ToString();
                    throw option.Error($"item {items.Count + 1} of '{text}' is empty", text, $"remove the extra '{separator}'");
                }

                items.Add(item);
                start = i + 1;
            }
        }

        return items;
    }

    /// <summary>Parses one item <c>Name</c> or <c>Name(arguments)</c> of a list.</summary>
    /// <exception cref="SpecificationException">The name is missing or text follows the closing parenthesis.</exception>
    public static SyntaxValue ParseValue(OptionText option, string item, string choicesHint)
    {
        int open = item.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return new SyntaxValue(item.Trim(), [], item.Trim());
        }

        string name = item[..open].Trim();
        if (name.Length == 0)
        {
            throw option.Error($"missing name before '(' in '{item}'", item, choicesHint);
        }

        // SplitList has checked that parentheses are balanced and not nested, so the first ')' closes '('.
        int close = item.IndexOf(')', open);
        string trailing = item[(close + 1)..].Trim();
        if (trailing.Length > 0)
        {
            throw option.Error($"unexpected text '{trailing}' after ')' in '{item}'", item, "separate list items with ';'");
        }

        string inside = item[(open + 1)..close];
        var groups = new List<IReadOnlyList<string>>();
        if (inside.Trim().Length > 0)
        {
            foreach (string group in inside.Split(';'))
            {
                groups.Add(group.Split(',').Select(argument => argument.Trim()).ToArray());
            }
        }

        return new SyntaxValue(name, groups, item.Trim());
    }

    private static void CheckParentheses(OptionText option)
    {
        string text = option.Text;
        int openedAt = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
            {
                if (openedAt >= 0)
                {
                    throw option.Error($"unexpected '(' at position {i + 1} of '{text}' inside the parentheses opened at position {openedAt + 1}", text, "arguments cannot contain parentheses");
                }

                openedAt = i;
            }
            else if (text[i] == ')')
            {
                if (openedAt < 0)
                {
                    throw option.Error($"unmatched ')' at position {i + 1} of '{text}'", text, "remove it or add the missing '('");
                }

                openedAt = -1;
            }
        }

        if (openedAt >= 0)
        {
            throw option.Error($"missing ')' for the '(' at position {openedAt + 1} of '{text}'", text, null);
        }
    }
}
