using Nerva.Interop;

namespace Nerva.Layers;

/// <summary>
/// The linear layer Y = X Wᵀ + 1_N b, with W of shape K x D and b of shape 1 x K. Its backpropagation
/// gives DW = DYᵀ X, Db = 1_Nᵀ DY and DX = DY W. W and b start as zeros.
/// </summary>
public sealed class LinearLayer : Layer
{
    /// <summary>Creates a linear layer with input size D and output size K.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1.</exception>
    public LinearLayer(int inputSize, int outputSize, ScalarType scalarType)
        : base(Create(inputSize, outputSize, scalarType), scalarType)
    {
    }

    private static LayerHandle Create(int inputSize, int outputSize, ScalarType scalarType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        NervaLibrary.EnsureLoaded();
        Status.Check(NativeMethods.nerva_layer_create_linear(out LayerHandle handle, (NervaScalarType)scalarType, inputSize, outputSize));
        return handle;
    }
}
