using Nerva.Interop;

namespace Nerva.Layers;

/// <summary>
/// The batch-normalization layer (D = K): in training mode each column of X is normalized with the batch mean
/// and the biased batch variance Σ as Z = (X − mean) / √(Σ + ε), then Y = (1_N γ) ⊙ Z + 1_N β. Evaluation mode
/// normalizes with running estimates instead, updated by every training feedforward as
/// running = (1 − momentum)·running + momentum·statistic with the unbiased variance, as in PyTorch.
/// </summary>
/// <remarks>
/// Parameters "gamma" (starts as ones) and "beta" (zeros) are trained; "running_mean" (zeros) and
/// "running_variance" (ones) are state without gradients. Training needs batches of at least two examples.
/// </remarks>
public sealed class BatchNormalizationLayer : Layer
{
    /// <summary>The default ε added to the variance before the square root.</summary>
    public const double DefaultEpsilon = 1e-5;

    /// <summary>The default momentum of the running statistics.</summary>
    public const double DefaultMomentum = 0.1;

    /// <summary>Creates a batch-normalization layer of width <paramref name="size"/>.</summary>
    /// <param name="size">D = K.</param>
    /// <param name="scalarType">The element type.</param>
    /// <param name="epsilon">ε, finite and greater than 0.</param>
    /// <param name="momentum">The momentum of the running statistics, in [0, 1].</param>
    public BatchNormalizationLayer(int size, ScalarType scalarType, double epsilon = DefaultEpsilon, double momentum = DefaultMomentum)
        : base(Create(size, scalarType, epsilon, momentum), scalarType)
    {
        Epsilon = epsilon;
        Momentum = momentum;
    }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>The momentum of the running statistics.</summary>
    public double Momentum { get; }

    private static LayerHandle Create(int size, ScalarType scalarType, double epsilon, double momentum)
    {
        NervaLibrary.EnsureLoaded();
        Status.Check(NativeMethods.nerva_layer_create_batch_normalization(out LayerHandle handle, (NervaScalarType)scalarType, size, epsilon, momentum));
        return handle;
    }
}
