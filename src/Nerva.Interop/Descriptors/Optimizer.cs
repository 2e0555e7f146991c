using System.Globalization;

namespace Nerva;

/// <summary>The optimizers of the specification (the equations of Keras).</summary>
public enum OptimizerKind
{
    /// <summary>θ' = θ − η·Dθ.</summary>
    GradientDescent,

    /// <summary>Δ' = μ·Δ − η·Dθ; θ' = θ + Δ'.</summary>
    Momentum,

    /// <summary>Δ' = μ·Δ − η·Dθ; θ' = θ + μ·Δ' − η·Dθ.</summary>
    Nesterov,
}

/// <summary>An optimizer with its momentum μ (0 &lt; μ &lt; 1; unused by gradient descent).</summary>
/// <param name="Kind">The update rule.</param>
/// <param name="Momentum">μ of momentum and Nesterov.</param>
public readonly record struct Optimizer(OptimizerKind Kind, double Momentum = 0)
{
    /// <summary>Plain gradient descent.</summary>
    public static Optimizer GradientDescent => new(OptimizerKind.GradientDescent);

    /// <summary>Momentum with parameter <paramref name="mu"/>.</summary>
    public static Optimizer WithMomentum(double mu) => new(OptimizerKind.Momentum, mu);

    /// <summary>Nesterov momentum with parameter <paramref name="mu"/>.</summary>
    public static Optimizer Nesterov(double mu) => new(OptimizerKind.Nesterov, mu);

    /// <summary>Returns the specification string, for example "Nesterov(0.9)".</summary>
    public override string ToString() => Kind == OptimizerKind.GradientDescent
        ? "GradientDescent"
        : $"{Kind}({Momentum.ToString("R", CultureInfo.InvariantCulture)})";
}
