using System.Globalization;

namespace Nerva;

/// <summary>The activation functions of the specification.</summary>
public enum ActivationKind
{
    /// <summary>relu(x) = max(0, x), with relu'(0) = 1.</summary>
    ReLU,

    /// <summary>leaky-relu(x) = max(αx, x), with leaky-relu'(0) = 1.</summary>
    LeakyReLU,

    /// <summary>all-relu(x) = αx for x &lt; 0 and x otherwise, with all-relu'(0) = 1.</summary>
    AllReLU,

    /// <summary>The S-shaped ReLU with trainable parameters a_l, t_l, a_r, t_r.</summary>
    SReLU,

    /// <summary>tanh(x).</summary>
    HyperbolicTangent,

    /// <summary>The logistic function σ(x) = 1 / (1 + e^(−x)).</summary>
    Sigmoid,
}

/// <summary>An activation function with its parameters.</summary>
/// <param name="Kind">The function.</param>
/// <param name="Alpha">α of LeakyReLU and AllReLU; unused otherwise.</param>
/// <param name="LeftSlope">a_l of SReLU (initial value when trained).</param>
/// <param name="LeftThreshold">t_l of SReLU.</param>
/// <param name="RightSlope">a_r of SReLU.</param>
/// <param name="RightThreshold">t_r of SReLU.</param>
public readonly record struct Activation(
    ActivationKind Kind,
    double Alpha = 0,
    double LeftSlope = 0,
    double LeftThreshold = 0,
    double RightSlope = 0,
    double RightThreshold = 1)
{
    /// <summary>ReLU.</summary>
    public static Activation ReLU => new(ActivationKind.ReLU);

    /// <summary>The hyperbolic tangent.</summary>
    public static Activation HyperbolicTangent => new(ActivationKind.HyperbolicTangent);

    /// <summary>The logistic function.</summary>
    public static Activation Sigmoid => new(ActivationKind.Sigmoid);

    /// <summary>LeakyReLU with slope <paramref name="alpha"/> for negative inputs.</summary>
    public static Activation LeakyReLU(double alpha) => new(ActivationKind.LeakyReLU, Alpha: alpha);

    /// <summary>AllReLU with slope <paramref name="alpha"/> for negative inputs.</summary>
    public static Activation AllReLU(double alpha) => new(ActivationKind.AllReLU, Alpha: alpha);

    /// <summary>SReLU with the given parameters; the defaults 0, 0, 0, 1 make it equal to ReLU.</summary>
    public static Activation SReLU(double al = 0, double tl = 0, double ar = 0, double tr = 1) =>
        new(ActivationKind.SReLU, LeftSlope: al, LeftThreshold: tl, RightSlope: ar, RightThreshold: tr);

    /// <summary>Returns the specification string, for example "LeakyReLU(0.1)" or "SReLU(0,0,0,1)".</summary>
    public override string ToString() => Kind switch
    {
        ActivationKind.LeakyReLU or ActivationKind.AllReLU => $"{Kind}({Format(Alpha)})",
        ActivationKind.SReLU => $"SReLU({Format(LeftSlope)},{Format(LeftThreshold)},{Format(RightSlope)},{Format(RightThreshold)})",
        _ => Kind.ToString(),
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
