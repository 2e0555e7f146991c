namespace Nerva.Interop.Tests.Validation;

/// <summary>
/// Element-wise comparisons with a stated tolerance: |expected − actual| ≤ tolerance·max(1, |expected|), so the
/// tolerance is absolute for values up to 1 and relative above.
/// </summary>
internal static class Tolerance
{
    /// <summary>Float64 results of the same formula evaluated in another order.</summary>
    public const double Float64 = 1e-12;

    /// <summary>Float32 results against a double reference computed from the same float inputs.</summary>
    public const double Float32 = 2e-6;

    /// <summary>Central differences in float64 with step 1e-6: truncation O(h²) plus rounding O(ε·|L|/h), both below 1e-8 here.</summary>
    public const double FiniteDifference = 1e-6;

    /// <summary>Returns the tolerance of a comparison of native results against a double reference.</summary>
    public static double For(ScalarType scalarType) => scalarType == ScalarType.Float32 ? Float32 : Float64;

    /// <summary>Asserts that the arrays have equal length and that every element is within the tolerance.</summary>
    public static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], actual[i], tolerance, $"{what}[{i}]");
        }
    }

    /// <summary>Asserts that <paramref name="actual"/> is within the tolerance of <paramref name="expected"/>.</summary>
    public static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        double bound = tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(
            Math.Abs(expected - actual) <= bound,
            $"{what}: expected {expected:R}, actual {actual:R}, difference {Math.Abs(expected - actual):E2} exceeds {bound:E2}");
    }
}
