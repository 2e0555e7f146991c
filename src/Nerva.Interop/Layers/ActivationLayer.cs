using Nerva.Interop;

namespace Nerva.Layers;

/// <summary>
/// The activation layer Z = X Wᵀ + 1_N b, Y = act(Z). Backpropagation gives DZ = DY ⊙ act′(Z), DW = DZᵀ X,
/// Db = 1_Nᵀ DZ and DX = DZ W. With an SReLU activation its four parameters al, tl, ar, tr are trained too
/// (parameters "al", "tl", "ar", "tr" with gradients "Dal", "Dtl", "Dar", "Dtr").
/// </summary>
public sealed class ActivationLayer : Layer
{
    /// <summary>Creates an activation layer with input size D and output size K; W and b start as zeros.</summary>
    /// <exception cref="ArgumentException">A size is less than 1 or a parameter of the activation is not finite.</exception>
    public ActivationLayer(int inputSize, int outputSize, Activation activation, ScalarType scalarType)
        : base(Create(inputSize, outputSize, activation, scalarType), scalarType)
    {
        Activation = activation;
    }

    /// <summary>The activation function, with the initial SReLU parameters.</summary>
    public Activation Activation { get; }

    private static unsafe LayerHandle Create(int inputSize, int outputSize, Activation activation, ScalarType scalarType)
    {
        NervaLibrary.EnsureLoaded();
        NervaActivation native = NativeDescriptors.ToNative(activation);
        Status.Check(NativeMethods.nerva_layer_create_activation(out LayerHandle handle, (NervaScalarType)scalarType, inputSize, outputSize, &native));
        return handle;
    }
}
