using Nerva.Interop;

namespace Nerva.Layers;

/// <summary>
/// The linear dropout layer Y = X (Wᵀ ⊙ Rᵀ) + 1_N b: dropout on connections. In training mode a fresh
/// mask R (K x D) is drawn for every feedforward, with R_ij = 0 with probability q and 1/(1 − q) otherwise;
/// evaluation uses R = 1. The current mask is readable and writable as the parameter "R".
/// </summary>
public sealed class LinearDropoutLayer : Layer
{
    /// <summary>Creates a linear dropout layer with drop probability <paramref name="dropRate"/> in [0, 1).</summary>
    /// <param name="inputSize">The input size D.</param>
    /// <param name="outputSize">The output size K.</param>
    /// <param name="dropRate">The probability q that a connection is dropped.</param>
    /// <param name="seed">The seed of the layer's mask generator.</param>
    /// <param name="scalarType">The element type.</param>
    public LinearDropoutLayer(int inputSize, int outputSize, double dropRate, ulong seed, ScalarType scalarType)
        : base(Create(inputSize, outputSize, dropRate, seed, scalarType), scalarType)
    {
        DropRate = dropRate;
    }

    /// <summary>The drop probability q.</summary>
    public double DropRate { get; }

    /// <summary>Keeps the current mask R in later training feedforwards (true) or draws a fresh one each time (false).</summary>
    public void FreezeMask(bool frozen) => Status.Check(NativeMethods.nerva_layer_set_mask_frozen(CheckedHandle(), frozen ? 1 : 0));

    private static LayerHandle Create(int inputSize, int outputSize, double dropRate, ulong seed, ScalarType scalarType)
    {
        NervaLibrary.EnsureLoaded();
        Status.Check(NativeMethods.nerva_layer_create_linear_dropout(out LayerHandle handle, (NervaScalarType)scalarType, inputSize, outputSize, dropRate, seed));
        return handle;
    }
}

/// <summary>
/// The activation dropout layer Z = X (Wᵀ ⊙ Rᵀ) + 1_N b, Y = act(Z), with the mask R of
/// <see cref="LinearDropoutLayer"/>.
/// </summary>
public sealed class ActivationDropoutLayer : Layer
{
    /// <summary>Creates an activation dropout layer with drop probability <paramref name="dropRate"/> in [0, 1).</summary>
    /// <param name="inputSize">The input size D.</param>
    /// <param name="outputSize">The output size K.</param>
    /// <param name="activation">The activation function.</param>
    /// <param name="dropRate">The probability q that a connection is dropped.</param>
    /// <param name="seed">The seed of the layer's mask generator.</param>
    /// <param name="scalarType">The element type.</param>
    public ActivationDropoutLayer(int inputSize, int outputSize, Activation activation, double dropRate, ulong seed, ScalarType scalarType)
        : base(Create(inputSize, outputSize, activation, dropRate, seed, scalarType), scalarType)
    {
        Activation = activation;
        DropRate = dropRate;
    }

    /// <summary>The activation function.</summary>
    public Activation Activation { get; }

    /// <summary>The drop probability q.</summary>
    public double DropRate { get; }

    /// <summary>Keeps the current mask R in later training feedforwards (true) or draws a fresh one each time (false).</summary>
    public void FreezeMask(bool frozen) => Status.Check(NativeMethods.nerva_layer_set_mask_frozen(CheckedHandle(), frozen ? 1 : 0));

    private static unsafe LayerHandle Create(int inputSize, int outputSize, Activation activation, double dropRate, ulong seed, ScalarType scalarType)
    {
        NervaLibrary.EnsureLoaded();
        NervaActivation native = NativeDescriptors.ToNative(activation);
        Status.Check(NativeMethods.nerva_layer_create_activation_dropout(out LayerHandle handle, (NervaScalarType)scalarType, inputSize, outputSize, &native, dropRate, seed));
        return handle;
    }
}
