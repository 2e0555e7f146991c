using Nerva.Interop;

namespace Nerva;

/// <summary>
/// The softmax functions of the rows of a matrix and their Jacobians, evaluated by the native library.
/// </summary>
public static class SoftmaxFunctions
{
    /// <summary>
    /// Applies the softmax function <paramref name="kind"/> to each row of X. <paramref name="Y"/> is resized to
    /// the shape of X.
    /// </summary>
    /// <param name="kind">The softmax function.</param>
    /// <param name="X">The input, one example per row.</param>
    /// <param name="Y">Receives the result; it must have the scalar type of X and may be X itself.</param>
    /// <exception cref="ArgumentException">Y has another scalar type than X.</exception>
    public static void Apply(SoftmaxKind kind, Matrix X, Matrix Y)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        NervaSoftmaxKind native = NativeDescriptors.ToNative(kind);
        Status.Check(NativeMethods.nerva_softmax_apply(Y.CheckedHandle(nameof(Y)), native, X.CheckedHandle(nameof(X))));
    }

    /// <summary>
    /// Computes the D x D Jacobian J_ij = ∂f_i/∂x_j of the softmax function <paramref name="kind"/> at the row
    /// <paramref name="x"/> (1 x D): Diag(softmax(x)) − softmax(x)ᵀ·softmax(x) for the two softmax kinds, and
    /// I_D − 1_D·softmax(x) for the two log-softmax kinds. <paramref name="J"/> is resized to D x D.
    /// </summary>
    /// <param name="kind">The softmax function; a stable kind has the same Jacobian as its plain kind.</param>
    /// <param name="x">The point, a single row.</param>
    /// <param name="J">Receives the Jacobian; it must have the scalar type of x.</param>
    /// <exception cref="ArgumentException">x has more than one row, or J has another scalar type.</exception>
    public static void Jacobian(SoftmaxKind kind, Matrix x, Matrix J)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(J);
        NervaSoftmaxKind native = NativeDescriptors.ToNative(kind);
        Status.Check(NativeMethods.nerva_softmax_jacobian(J.CheckedHandle(nameof(J)), native, x.CheckedHandle(nameof(x))));
    }
}
