using Nerva.Interop;

namespace Nerva;

/// <summary>
/// The activation functions of the specification and their derivatives, evaluated element-wise by the
/// native library. They compute the same values as the activation layers.
/// </summary>
public static class ActivationFunctions
{
    /// <summary>Computes Y = act(X) element-wise. <paramref name="Y"/> is resized to the shape of X.</summary>
    /// <param name="activation">The function and its parameters.</param>
    /// <param name="X">The input.</param>
    /// <param name="Y">Receives act(X); it must have the scalar type of X and may be X itself.</param>
    /// <exception cref="ArgumentException">
    /// A parameter that the kind reads (α, or a_l, t_l, a_r, t_r) is not finite, or Y has another scalar type.
    /// </exception>
    public static unsafe void Apply(Activation activation, Matrix X, Matrix Y)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        NervaActivation native = NativeDescriptors.ToNative(activation);
        Status.Check(NativeMethods.nerva_activation_apply(Y.CheckedHandle(nameof(Y)), &native, X.CheckedHandle(nameof(X))));
    }

    /// <summary>
    /// Computes the derivative act′(X) element-wise. <paramref name="result"/> is resized to the shape of X.
    /// ReLU, LeakyReLU and AllReLU have derivative 1 at 0. SReLU takes the first case that applies: a_l for
    /// x ≤ t_l, then 1 for x &lt; t_r, then a_r.
    /// </summary>
    /// <param name="activation">The function and its parameters.</param>
    /// <param name="X">The input.</param>
    /// <param name="result">Receives act′(X); it must have the scalar type of X and may be X itself.</param>
    /// <exception cref="ArgumentException">
    /// A parameter that the kind reads is not finite, or <paramref name="result"/> has another scalar type.
    /// </exception>
    public static unsafe void Derivative(Activation activation, Matrix X, Matrix result)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(result);
        MatrixHandle x = X.CheckedHandle(nameof(X));
        MatrixHandle output = result.CheckedHandle(nameof(result));
        FunctionArguments.RequireSameScalarType(result, nameof(result), X, nameof(X));
        NervaActivation native = NativeDescriptors.ToNative(activation);
        Status.Check(NativeMethods.nerva_activation_derivative(output, &native, x));
    }

    /// <summary>
    /// Returns the α of the All-ReLU layer at position <paramref name="layerIndex"/> in a network, which
    /// alternates the sign: layer 1 gets α, and layers 2, 3, 4, … get −α, α, −α, …
    /// </summary>
    /// <param name="alpha">The α of the network; it must be finite.</param>
    /// <param name="layerIndex">The position of the layer, counted from 1.</param>
    /// <exception cref="ArgumentException"><paramref name="alpha"/> is not finite or <paramref name="layerIndex"/> is less than 1.</exception>
    public static double AllReLUAlpha(double alpha, int layerIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layerIndex, 1);
        NervaLibrary.EnsureLoaded();
        Status.Check(NativeMethods.nerva_activation_all_relu_alpha(out double result, alpha, layerIndex));
        return result;
    }
}
