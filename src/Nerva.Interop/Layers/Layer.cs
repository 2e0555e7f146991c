using Nerva.Interop;

namespace Nerva.Layers;

/// <summary>
/// A layer of a multilayer perceptron in row-wise layout: it maps an input batch X (N x D, one example per
/// row) to an output batch Y (N x K). The layer owns its trainable parameters and their gradients, which are
/// read and written by name (for example "W", "b", "DW", "Db").
/// </summary>
/// <remarks>
/// Dispose a layer when it is no longer needed; the finalizer releases forgotten ones. A layer may be used
/// from one thread at a time.
/// </remarks>
public abstract class Layer : IDisposable
{
    private IReadOnlyList<string>? _parameterNames;

    private protected Layer(LayerHandle handle, ScalarType scalarType)
    {
        Handle = handle;
        ScalarType = scalarType;
    }

    /// <summary>The element type of the parameters and of the matrices the layer accepts.</summary>
    public ScalarType ScalarType { get; }

    /// <summary>The input size D.</summary>
    public int InputSize => Sizes.Input;

    /// <summary>The output size K.</summary>
    public int OutputSize => Sizes.Output;

    /// <summary>The names of the parameters, their gradients and any other state, in a fixed order.</summary>
    public IReadOnlyList<string> ParameterNames => _parameterNames ??= ReadParameterNames();

    internal LayerHandle Handle { get; }

    private (int Input, int Output) Sizes
    {
        get
        {
            Status.Check(NativeMethods.nerva_layer_sizes(out long input, out long output, CheckedHandle()));
            return (checked((int)input), checked((int)output));
        }
    }

    /// <summary>Computes Y from X. <paramref name="Y"/> is resized to N x K.</summary>
    /// <param name="X">The input batch, N x D.</param>
    /// <param name="Y">The output batch; its contents are replaced.</param>
    /// <exception cref="ArgumentException">X is not N x D or a matrix has another scalar type.</exception>
    public void Feedforward(Matrix X, Matrix Y)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        Status.Check(NativeMethods.nerva_layer_feedforward(Y.CheckedHandle(nameof(Y)), CheckedHandle(), X.CheckedHandle(nameof(X))));
    }

    /// <summary>
    /// Computes the gradients of the parameters from the X and Y of the last feedforward and the output
    /// gradient DY, and DX when <paramref name="DX"/> is not null.
    /// </summary>
    /// <param name="X">The input batch of the last feedforward, N x D.</param>
    /// <param name="Y">The output of the last feedforward, N x K.</param>
    /// <param name="DY">The gradient of the loss with respect to Y, N x K.</param>
    /// <param name="DX">Receives the gradient with respect to X (resized to N x D), or null to skip it.</param>
    public void Backpropagate(Matrix X, Matrix Y, Matrix DY, Matrix? DX)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        ArgumentNullException.ThrowIfNull(DY);
        LayerHandle layer = CheckedHandle();
        MatrixHandle x = X.CheckedHandle(nameof(X));
        MatrixHandle y = Y.CheckedHandle(nameof(Y));
        MatrixHandle dy = DY.CheckedHandle(nameof(DY));
        if (DX is null)
        {
            using var none = new MatrixHandle();
            Status.Check(NativeMethods.nerva_layer_backpropagate(none, layer, x, y, dy));
        }
        else
        {
            Status.Check(NativeMethods.nerva_layer_backpropagate(DX.CheckedHandle(nameof(DX)), layer, x, y, dy));
        }
    }

    /// <summary>
    /// Selects training mode (true) or evaluation mode (false). Batch normalization and dropout behave
    /// differently in the two modes; the other layers ignore it.
    /// </summary>
    public void SetTraining(bool training) => Status.Check(NativeMethods.nerva_layer_set_training(CheckedHandle(), training ? 1 : 0));

    /// <summary>
    /// Fills W from <paramref name="initializer"/> for this layer's D and K, and sets b to zero.
    /// </summary>
    /// <exception cref="ArgumentException">The layer has no W (batch normalization), or a parameter of the initializer is invalid.</exception>
    /// <param name="initializer">The distribution of the weights.</param>
    /// <param name="seed">The seed of the random generator; the same seed gives the same weights.</param>
    public unsafe void InitializeWeights(WeightInitializer initializer, ulong seed)
    {
        NervaInitializer native = NativeDescriptors.ToNative(initializer);
        Status.Check(NativeMethods.nerva_layer_initialize(CheckedHandle(), &native, seed));
    }

    /// <summary>Returns the shape of the named parameter, gradient or state.</summary>
    /// <exception cref="ArgumentException">The layer has no such name; the message lists the names it has.</exception>
    public (int Rows, int Columns) GetParameterShape(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Status.Check(NativeMethods.nerva_layer_parameter_shape(out long rows, out long columns, CheckedHandle(), name));
        return (checked((int)rows), checked((int)columns));
    }

    /// <summary>Returns a copy of the named parameter, gradient or state in row-major order.</summary>
    /// <typeparam name="T">The layer's element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
    public T[] GetParameter<T>(string name)
        where T : unmanaged
    {
        (int rows, int columns) = GetParameterShape(name);
        var values = new T[checked(rows * columns)];
        ReadParameter<T>(name, values);
        return values;
    }

    /// <summary>Copies the named parameter, gradient or state into <paramref name="destination"/> (row-major, exactly its size).</summary>
    public unsafe void ReadParameter<T>(string name, Span<T> destination)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(name);
        ScalarTypes.Require<T>(ScalarType, nameof(destination));
        fixed (T* data = destination)
        {
            Status.Check(NativeMethods.nerva_layer_parameter_read(data, destination.Length, (NervaScalarType)ScalarType, CheckedHandle(), name));
        }
    }

    /// <summary>Overwrites the named parameter, gradient or state with <paramref name="values"/> (row-major, exactly its size).</summary>
    public unsafe void SetParameter<T>(string name, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(name);
        ScalarTypes.Require<T>(ScalarType, nameof(values));
        fixed (T* data = values)
        {
            Status.Check(NativeMethods.nerva_layer_parameter_write(CheckedHandle(), name, data, values.Length, (NervaScalarType)ScalarType));
        }
    }

    /// <summary>Releases the native layer. Later calls on this object throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => Handle.Dispose();

    /// <summary>Returns the handle, or throws <see cref="ObjectDisposedException"/> when the layer is disposed.</summary>
    private protected LayerHandle CheckedHandle()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle;
    }

    private unsafe IReadOnlyList<string> ReadParameterNames()
    {
        LayerHandle layer = CheckedHandle();
        Status.Check(NativeMethods.nerva_layer_parameter_count(out int count, layer));
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            Status.Check(NativeMethods.nerva_layer_parameter_name(out byte* name, layer, i));
            names[i] = Status.ReadBorrowedString(name);
        }

        return names;
    }
}
