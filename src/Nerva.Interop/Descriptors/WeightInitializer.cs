using System.Globalization;

namespace Nerva;

/// <summary>
/// Weight initializers for a layer with D inputs and K outputs. Biases start at zero.
/// U(a, b) is uniform on [a, b]; N(μ, σ) is normal with standard deviation σ.
/// </summary>
public enum WeightInitializerKind
{
    /// <summary>All weights zero.</summary>
    Zero,

    /// <summary>U(a, b).</summary>
    Uniform,

    /// <summary>N(mean, std).</summary>
    Normal,

    /// <summary>U(−1/√D, 1/√D).</summary>
    Xavier,

    /// <summary>U(−√6/√(D+K), √6/√(D+K)); the Python tools call it XavierUniform.</summary>
    XavierNormalized,

    /// <summary>N(0, √(2/(D+K))).</summary>
    XavierNormal,

    /// <summary>N(0, √(2/D)); the Python tools call it HeNormal.</summary>
    He,

    /// <summary>U(−√(6/D), √(6/D)).</summary>
    HeUniform,
}

/// <summary>A weight initializer with its parameters.</summary>
/// <param name="Kind">The distribution.</param>
/// <param name="A">The lower bound of Uniform, or the mean of Normal.</param>
/// <param name="B">The upper bound of Uniform, or the standard deviation of Normal.</param>
public readonly record struct WeightInitializer(WeightInitializerKind Kind, double A = 0, double B = 0)
{
    /// <summary>Returns the specification string, for example "XavierNormalized" or "Uniform(-0.1,0.1)".</summary>
    public override string ToString() => Kind switch
    {
        WeightInitializerKind.Uniform or WeightInitializerKind.Normal =>
            $"{Kind}({A.ToString("R", CultureInfo.InvariantCulture)},{B.ToString("R", CultureInfo.InvariantCulture)})",
        _ => Kind.ToString(),
    };
}
