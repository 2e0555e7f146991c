namespace Nerva.Interop.Tests.Validation;

/// <summary>
/// The activation functions under test, by name, with their kinks and a reference implementation written from
/// the specification's table (including the conventions relu′(0) = leaky-relu′(0) = all-relu′(0) = 1 and
/// "the first SReLU case wins when t_l ≥ t_r").
/// </summary>
internal static class ActivationCases
{
    private static readonly Dictionary<string, Activation> Cases = new()
    {
        ["ReLU"] = Activation.ReLU,
        ["LeakyReLU(0.1)"] = Activation.LeakyReLU(0.1),

        // With α > 1, max(αx, x) takes αx for positive x, unlike "αx for x < 0".
        ["LeakyReLU(1.5)"] = Activation.LeakyReLU(1.5),
        ["AllReLU(-0.3)"] = Activation.AllReLU(-0.3),
        ["AllReLU(0.2)"] = Activation.AllReLU(0.2),
        ["SReLU(0.2,-0.4,0.3,0.7)"] = Activation.SReLU(0.2, -0.4, 0.3, 0.7),

        // t_l ≥ t_r: the cases overlap and the first one wins.
        ["SReLU(0.2,0.5,0.3,0.2)"] = Activation.SReLU(0.2, 0.5, 0.3, 0.2),
        ["HyperbolicTangent"] = Activation.HyperbolicTangent,
        ["Sigmoid"] = Activation.Sigmoid,
    };

    /// <summary>The names of all cases.</summary>
    public static TheoryData<string> Names => new(Cases.Keys);

    /// <summary>The names of the cases that dropout layers accept (every kind except SReLU).</summary>
    public static TheoryData<string> NamesWithoutSReLU => new(Cases.Where(pair => pair.Value.Kind != ActivationKind.SReLU).Select(pair => pair.Key));

    /// <summary>Every name with each scalar type.</summary>
    public static TheoryData<string, ScalarType> NamesAndScalarTypes
    {
        get
        {
            var data = new TheoryData<string, ScalarType>();
            foreach (string name in Cases.Keys)
            {
                data.Add(name, ScalarType.Float32);
                data.Add(name, ScalarType.Float64);
            }

            return data;
        }
    }

    /// <summary>Returns the activation of a case.</summary>
    public static Activation Get(string name) => Cases[name];

    /// <summary>Returns the points where the function or its derivative is not smooth.</summary>
    public static double[] Kinks(Activation activation) => activation.Kind switch
    {
        ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.AllReLU => [0],
        ActivationKind.SReLU => [activation.LeftThreshold, activation.RightThreshold],
        _ => [],
    };

    /// <summary>
    /// Returns random inputs in [−3, 3] together with points 1e-3, 1e-2 and 0.1 on either side of every kink,
    /// and ±30 where the tails saturate. No input lies within <see cref="KinkMargin"/> of a kink.
    /// </summary>
    public static double[] Inputs(Activation activation, Random random)
    {
        double[] kinks = Kinks(activation);
        var values = new List<double>(TestMatrices.Uniform(random, 40, -3, 3));
        foreach (double kink in kinks)
        {
            foreach (double offset in new[] { 1e-3, 1e-2, 0.1 })
            {
                values.Add(kink - offset);
                values.Add(kink + offset);
            }
        }

        values.AddRange([-30, 30]);
        return values.Where(value => kinks.All(kink => Math.Abs(value - kink) >= KinkMargin)).ToArray();
    }

    /// <summary>The distance that finite-difference inputs keep from every kink.</summary>
    public const double KinkMargin = 1e-4;

    /// <summary>Returns act(x), evaluated in double as the specification defines it.</summary>
    public static double Value(Activation activation, double x) => activation.Kind switch
    {
        ActivationKind.ReLU => Math.Max(0, x),
        ActivationKind.LeakyReLU => Math.Max(activation.Alpha * x, x),
        ActivationKind.AllReLU => x < 0 ? activation.Alpha * x : x,
        ActivationKind.SReLU => SReLU(activation, x),
        ActivationKind.HyperbolicTangent => Math.Tanh(x),
        ActivationKind.Sigmoid => Sigmoid(x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    /// <summary>Returns act′(x), evaluated in double as the specification defines it.</summary>
    public static double Derivative(Activation activation, double x) => activation.Kind switch
    {
        ActivationKind.ReLU => x < 0 ? 0 : 1,
        ActivationKind.LeakyReLU => x < activation.Alpha * x ? activation.Alpha : 1,
        ActivationKind.AllReLU => x < 0 ? activation.Alpha : 1,
        ActivationKind.SReLU => SReLUDerivative(activation, x),
        ActivationKind.HyperbolicTangent => 1 - (Math.Tanh(x) * Math.Tanh(x)),
        ActivationKind.Sigmoid => Sigmoid(x) * (1 - Sigmoid(x)),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    /// <summary>Returns σ(x) = 1 / (1 + e^(−x)) without overflow.</summary>
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double SReLU(Activation activation, double x)
    {
        (double al, double tl, double ar, double tr) = (activation.LeftSlope, activation.LeftThreshold, activation.RightSlope, activation.RightThreshold);
        if (x <= tl)
        {
            return tl + (al * (x - tl));
        }

        return x < tr ? x : tr + (ar * (x - tr));
    }

    private static double SReLUDerivative(Activation activation, double x)
    {
        if (x <= activation.LeftThreshold)
        {
            return activation.LeftSlope;
        }

        return x < activation.RightThreshold ? 1 : activation.RightSlope;
    }
}
