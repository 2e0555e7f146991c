using Nerva.Interop;

namespace Nerva;

/// <summary>
/// The loss functions of the specification for a batch of outputs Y and targets T (both N x K, one example per
/// row), evaluated by the native library. Each value is the sum over the batch, and each gradient is the
/// gradient of that sum. A training step that reports the mean divides both by N.
/// </summary>
/// <remarks>
/// Zero probabilities in <see cref="LossKind.CrossEntropy"/> and <see cref="LossKind.NegativeLogLikelihood"/>
/// follow IEEE arithmetic and are not errors: an entry with T &gt; 0 and Y = 0 makes the value +∞ and that
/// gradient entry −∞. Entries with T = 0 add exactly 0 to the value and the gradient.
/// </remarks>
public static class LossFunctions
{
    /// <summary>Computes the loss of outputs <paramref name="Y"/> and targets <paramref name="T"/>.</summary>
    /// <param name="kind">The loss function.</param>
    /// <param name="Y">The outputs, N x K.</param>
    /// <param name="T">The targets, of the shape and scalar type of Y.</param>
    /// <returns>The loss summed over the batch.</returns>
    /// <exception cref="ArgumentException">T differs from Y in shape or scalar type; the message names both shapes.</exception>
    public static double Value(LossKind kind, Matrix Y, Matrix T)
    {
        ArgumentNullException.ThrowIfNull(Y);
        ArgumentNullException.ThrowIfNull(T);
        NervaLossKind native = NativeDescriptors.ToNative(kind);
        Status.Check(NativeMethods.nerva_loss_value(out double value, native, Y.CheckedHandle(nameof(Y)), T.CheckedHandle(nameof(T))));
        return value;
    }

    /// <summary>
    /// Computes DY = ∇_Y L, the gradient of the summed loss with respect to <paramref name="Y"/>.
    /// <paramref name="DY"/> is resized to the shape of Y.
    /// </summary>
    /// <param name="kind">The loss function.</param>
    /// <param name="Y">The outputs, N x K.</param>
    /// <param name="T">The targets, of the shape and scalar type of Y.</param>
    /// <param name="DY">Receives the gradient; it must have the scalar type of Y and may be Y or T.</param>
    /// <exception cref="ArgumentException">T differs from Y in shape or scalar type, or DY has another scalar type.</exception>
    public static void Gradient(LossKind kind, Matrix Y, Matrix T, Matrix DY)
    {
        ArgumentNullException.ThrowIfNull(Y);
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(DY);
        NervaLossKind native = NativeDescriptors.ToNative(kind);
        Status.Check(NativeMethods.nerva_loss_gradient(DY.CheckedHandle(nameof(DY)), native, Y.CheckedHandle(nameof(Y)), T.CheckedHandle(nameof(T))));
    }
}
