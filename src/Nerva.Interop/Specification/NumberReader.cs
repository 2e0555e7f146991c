using System.Globalization;

namespace Nerva.Specification;

/// <summary>Reads numbers in the invariant culture ("0.01", "1e-3", "-0.5") and checks them against a rule.</summary>
internal static class NumberReader
{
    /// <summary>Reads a finite number that satisfies <paramref name="rule"/>.</summary>
    /// <param name="raw">The trimmed text of the number.</param>
    /// <param name="subject">What the number is, for messages, for example "alpha of LeakyReLU".</param>
    /// <param name="rule">The condition the value must satisfy.</param>
    /// <param name="fail">Creates the exception for a problem description.</param>
    public static double ReadReal(string raw, string subject, ValueRule rule, Func<string, SpecificationException> fail)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw fail($"{subject} must be a number such as 0.01, 1e-3 or -0.5, but got '{raw}'");
        }

        if (!double.IsFinite(value))
        {
            throw fail($"{subject} must be a finite number, but got '{raw}'");
        }

        if (!rule.Accepts(value))
        {
            throw fail($"{subject} must be {rule.Description}, but got {raw}");
        }

        return value;
    }

    /// <summary>Reads a whole number that satisfies <paramref name="rule"/> and is at most <paramref name="maximum"/>.</summary>
    public static long ReadInteger(string raw, string subject, ValueRule rule, long maximum, Func<string, SpecificationException> fail)
    {
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
            {
                throw fail($"{subject} must be a whole number, but got '{raw}'");
            }

            bool tooLarge = double.IsFinite(real) && Math.Floor(real) == real && !raw.Contains('.', StringComparison.Ordinal)
                && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);
            throw fail(tooLarge
                ? $"{subject} must be at most {maximum.ToString(CultureInfo.InvariantCulture)}, but got {raw}"
                : $"{subject} must be a whole number, but got {raw}");
        }

        if (!rule.Accepts(value))
        {
            throw fail($"{subject} must be a whole number {rule.Description}, but got {raw}");
        }

        if (value > maximum)
        {
            throw fail($"{subject} must be at most {maximum.ToString(CultureInfo.InvariantCulture)}, but got {raw}");
        }

        return value;
    }
}
