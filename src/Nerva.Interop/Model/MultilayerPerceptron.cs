using Nerva.Interop;
using Nerva.Layers;

namespace Nerva.Model;

/// <summary>The loss summed over a data set and the number of correctly classified examples.</summary>
/// <param name="LossSum">The loss summed over every example.</param>
/// <param name="Correct">The examples whose largest output is at the position of the largest target.</param>
/// <param name="Count">The number of examples.</param>
public readonly record struct Evaluation(double LossSum, long Correct, long Count)
{
    /// <summary>The loss divided by the number of examples.</summary>
    public double MeanLoss => Count == 0 ? double.NaN : LossSum / Count;

    /// <summary>The fraction of correctly classified examples.</summary>
    public double Accuracy => Count == 0 ? double.NaN : (double)Correct / Count;
}

/// <summary>
/// A multilayer perceptron: a chain of layers, a loss function and an optimizer. One call of
/// <see cref="TrainBatch(Matrix, Matrix, double)"/> runs the whole training step of a mini-batch in native
/// code: feedforward, the loss gradient DY = ∇L / N, backpropagation (without the first layer's DX) and the
/// optimizer update of every trainable parameter.
/// </summary>
/// <remarks>
/// The model owns its layers: disposing the model disposes them. A model may be used from one thread at a time.
/// </remarks>
public sealed class MultilayerPerceptron : IDisposable
{
    private readonly Layer[] _layers;
    private LossKind _loss;
    private Optimizer _optimizer;

    /// <summary>Creates a model from <paramref name="layers"/>, which it takes ownership of.</summary>
    /// <exception cref="ArgumentException">
    /// There are no layers, the layers have different scalar types, or a layer's input size differs from the
    /// previous layer's output size.
    /// </exception>
    public MultilayerPerceptron(IEnumerable<Layer> layers, LossKind loss, Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _layers = layers.ToArray();
        if (_layers.Length == 0)
        {
            throw new ArgumentException("A multilayer perceptron needs at least one layer.", nameof(layers));
        }

        ScalarType = _layers[0].ScalarType;
        NervaLibrary.EnsureLoaded();
        Status.Check(NativeMethods.nerva_model_create(out ModelHandle handle, (NervaScalarType)ScalarType));
        Handle = handle;
        try
        {
            for (int i = 0; i < _layers.Length; i++)
            {
                CheckLayer(i);
                Status.Check(NativeMethods.nerva_model_add_layer(Handle, _layers[i].Handle));
            }

            Loss = loss;
            Optimizer = optimizer;
        }
        catch
        {
            Handle.Dispose();
            throw;
        }
    }

    /// <summary>The layers, from input to output.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>The element type of every layer.</summary>
    public ScalarType ScalarType { get; }

    /// <summary>The input size D of the first layer.</summary>
    public int InputSize => _layers[0].InputSize;

    /// <summary>The output size K of the last layer.</summary>
    public int OutputSize => _layers[^1].OutputSize;

    /// <summary>The loss function of training and evaluation.</summary>
    public LossKind Loss
    {
        get => _loss;
        set
        {
            Status.Check(NativeMethods.nerva_model_set_loss(CheckedHandle(), (int)NativeDescriptors.ToNative(value)));
            _loss = value;
        }
    }

    /// <summary>The optimizer of every trainable parameter. Setting it resets the optimizer state to zero.</summary>
    public Optimizer Optimizer
    {
        get => _optimizer;
        set
        {
            SetOptimizer(value);
            _optimizer = value;
        }
    }

    internal ModelHandle Handle { get; }

    /// <summary>
    /// Gives the layer at <paramref name="layerIndex"/> (0-based) its own optimizer, in place of
    /// <see cref="Optimizer"/>, and resets that layer's optimizer state to zero.
    /// </summary>
    public unsafe void SetLayerOptimizer(int layerIndex, Optimizer optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layerIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layerIndex, _layers.Length);
        NervaOptimizer native = NativeDescriptors.ToNative(optimizer);
        Status.Check(NativeMethods.nerva_model_set_layer_optimizer(CheckedHandle(), layerIndex, &native));
    }

    /// <summary>Selects training mode (true) or evaluation mode (false) for every layer.</summary>
    public void SetTraining(bool training) => Status.Check(NativeMethods.nerva_model_set_training(CheckedHandle(), training ? 1 : 0));

    /// <summary>Computes Y (resized to N x K) from X (N x D) in the current mode.</summary>
    public void Feedforward(Matrix X, Matrix Y)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        Status.Check(NativeMethods.nerva_model_feedforward(Y.CheckedHandle(nameof(Y)), CheckedHandle(), X.CheckedHandle(nameof(X))));
    }

    /// <summary>Trains one mini-batch X (N x D) with targets T (N x K) and returns the loss summed over the batch.</summary>
    /// <param name="X">The inputs, one example per row.</param>
    /// <param name="T">The targets, one row per example.</param>
    /// <param name="learningRate">η, finite and at least 0.</param>
    public double TrainBatch(Matrix X, Matrix T, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(T);
        Status.Check(NativeMethods.nerva_model_train_batch(out double loss, CheckedHandle(), X.CheckedHandle(nameof(X)), T.CheckedHandle(nameof(T)), learningRate));
        return loss;
    }

    /// <summary>
    /// Trains one mini-batch made of the given rows of a data set (X = X_all[rows], T = T_all[rows]); the rows
    /// are gathered in native code, so the data set is not copied. Returns the loss summed over the batch.
    /// </summary>
    /// <param name="X">All inputs, M x D.</param>
    /// <param name="T">All targets, M x K.</param>
    /// <param name="rows">The row indices of the batch, each in [0, M).</param>
    /// <param name="learningRate">η, finite and at least 0.</param>
    public unsafe double TrainBatch(Matrix X, Matrix T, ReadOnlySpan<long> rows, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(T);
        fixed (long* indices = rows)
        {
            Status.Check(NativeMethods.nerva_model_train_batch_rows(
                out double loss, CheckedHandle(), X.CheckedHandle(nameof(X)), T.CheckedHandle(nameof(T)), indices, rows.Length, learningRate));
            return loss;
        }
    }

    /// <summary>
    /// Evaluates a data set in evaluation mode, in batches of <paramref name="batchSize"/> rows (the last one
    /// may be smaller), counting every example.
    /// </summary>
    public Evaluation Evaluate(Matrix X, Matrix T, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(T);
        Status.Check(NativeMethods.nerva_model_evaluate(
            out double lossSum, out long correct, CheckedHandle(), X.CheckedHandle(nameof(X)), T.CheckedHandle(nameof(T)), batchSize));
        return new Evaluation(lossSum, correct, X.Rows);
    }

    /// <summary>Releases the model and every layer.</summary>
    public void Dispose()
    {
        Handle.Dispose();
        foreach (Layer layer in _layers)
        {
            layer.Dispose();
        }
    }

    private unsafe void SetOptimizer(Optimizer optimizer)
    {
        NervaOptimizer native = NativeDescriptors.ToNative(optimizer);
        Status.Check(NativeMethods.nerva_model_set_optimizer(CheckedHandle(), &native));
    }

    private void CheckLayer(int index)
    {
        Layer layer = _layers[index] ?? throw new ArgumentException($"Layer {index + 1} is null.", "layers");
        if (layer.ScalarType != ScalarType)
        {
            throw new ArgumentException($"Layer {index + 1} is {layer.ScalarType} but layer 1 is {ScalarType}; every layer needs the same scalar type.", "layers");
        }

        if (index > 0 && layer.InputSize != _layers[index - 1].OutputSize)
        {
            throw new ArgumentException(
                $"Layer {index + 1} has input size {layer.InputSize} but layer {index} has output size {_layers[index - 1].OutputSize}; they must be equal.", "layers");
        }
    }

    private ModelHandle CheckedHandle()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle;
    }
}
