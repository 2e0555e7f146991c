using Nerva.Interop;

namespace Nerva.Layers;

/// <summary>
/// The softmax layer Z = X Wᵀ + 1_N b, Y = softmax(Z), computed stably (the row maximum is subtracted).
/// Backpropagation gives DZ = Y ⊙ (DY − rows_sum(DY ⊙ Y)·1_Kᵀ) in O(N·K).
/// </summary>
public sealed class SoftmaxLayer : Layer
{
    /// <summary>Creates a softmax layer with input size D and output size K; W and b start as zeros.</summary>
    public SoftmaxLayer(int inputSize, int outputSize, ScalarType scalarType)
        : base(Create(inputSize, outputSize, scalarType), scalarType)
    {
    }

    private static LayerHandle Create(int inputSize, int outputSize, ScalarType scalarType)
    {
        NervaLibrary.EnsureLoaded();
        Status.Check(NativeMethods.nerva_layer_create_softmax(out LayerHandle handle, (NervaScalarType)scalarType, inputSize, outputSize));
        return handle;
    }
}

/// <summary>
/// The log-softmax layer Z = X Wᵀ + 1_N b, Y = log-softmax(Z), computed stably. Backpropagation gives
/// DZ = DY − softmax(Z) ⊙ (rows_sum(DY)·1_Kᵀ).
/// </summary>
public sealed class LogSoftmaxLayer : Layer
{
    /// <summary>Creates a log-softmax layer with input size D and output size K; W and b start as zeros.</summary>
    public LogSoftmaxLayer(int inputSize, int outputSize, ScalarType scalarType)
        : base(Create(inputSize, outputSize, scalarType), scalarType)
    {
    }

    private static LayerHandle Create(int inputSize, int outputSize, ScalarType scalarType)
    {
        NervaLibrary.EnsureLoaded();
        Status.Check(NativeMethods.nerva_layer_create_log_softmax(out LayerHandle handle, (NervaScalarType)scalarType, inputSize, outputSize));
        return handle;
    }
}
