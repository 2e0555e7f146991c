using Nerva.Interop;

namespace Nerva;

/// <summary>
/// The matrix operations that the layers and losses are built from, evaluated by the native library.
/// Each method that returns a matrix resizes <c>result</c> to the shape of the result; <c>result</c> must have
/// the scalar type of the inputs and may be one of them.
/// </summary>
public static class MatrixOperations
{
    /// <summary>Returns 1_mᵀ·X·1_n, the sum of all elements of X.</summary>
    public static double ElementsSum(Matrix X)
    {
        ArgumentNullException.ThrowIfNull(X);
        Status.Check(NativeMethods.nerva_matrix_elements_sum(out double sum, X.CheckedHandle(nameof(X))));
        return sum;
    }

    /// <summary>Computes 1_mᵀ·X, the 1 x n row of column sums of X (m x n).</summary>
    /// <param name="X">The input, m x n.</param>
    /// <param name="result">Receives the 1 x n row.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> has another scalar type than X.</exception>
    public static void ColumnsSum(Matrix X, Matrix result) =>
        Unary(X, result, static (output, x) => NativeMethods.nerva_matrix_columns_sum(output, x));

    /// <summary>Computes X·1_n, the m x 1 column of row sums of X (m x n).</summary>
    /// <param name="X">The input, m x n.</param>
    /// <param name="result">Receives the m x 1 column.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> has another scalar type than X.</exception>
    public static void RowsSum(Matrix X, Matrix result) =>
        Unary(X, result, static (output, x) => NativeMethods.nerva_matrix_rows_sum(output, x));

    /// <summary>Computes the 1 x n row of column maxima of X (m x n).</summary>
    /// <param name="X">The input, m x n.</param>
    /// <param name="result">Receives the 1 x n row.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> has another scalar type than X.</exception>
    public static void ColumnsMax(Matrix X, Matrix result) =>
        Unary(X, result, static (output, x) => NativeMethods.nerva_matrix_columns_max(output, x));

    /// <summary>Computes the m x 1 column of row maxima of X (m x n).</summary>
    /// <param name="X">The input, m x n.</param>
    /// <param name="result">Receives the m x 1 column.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> has another scalar type than X.</exception>
    public static void RowsMax(Matrix X, Matrix result) =>
        Unary(X, result, static (output, x) => NativeMethods.nerva_matrix_rows_max(output, x));

    /// <summary>Computes (1_mᵀ·X) / m, the 1 x n row of column means of X (m x n).</summary>
    /// <param name="X">The input, m x n.</param>
    /// <param name="result">Receives the 1 x n row.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> has another scalar type than X.</exception>
    public static void ColumnsMean(Matrix X, Matrix result) =>
        Unary(X, result, static (output, x) => NativeMethods.nerva_matrix_columns_mean(output, x));

    /// <summary>Computes (X·1_n) / n, the m x 1 column of row means of X (m x n).</summary>
    /// <param name="X">The input, m x n.</param>
    /// <param name="result">Receives the m x 1 column.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> has another scalar type than X.</exception>
    public static void RowsMean(Matrix X, Matrix result) =>
        Unary(X, result, static (output, x) => NativeMethods.nerva_matrix_rows_mean(output, x));

    /// <summary>Computes log(σ(X)) element-wise without overflow, so the result is finite for every finite X.</summary>
    /// <param name="X">The input.</param>
    /// <param name="result">Receives log(σ(X)), of the shape of X.</param>
    /// <exception cref="ArgumentException"><paramref name="result"/> has another scalar type than X.</exception>
    public static void LogSigmoid(Matrix X, Matrix result) =>
        Unary(X, result, static (output, x) => NativeMethods.nerva_matrix_log_sigmoid(output, x));

    /// <summary>Computes X ⊙ Y, the element-wise product of two matrices of the same shape.</summary>
    /// <param name="X">The left operand.</param>
    /// <param name="Y">The right operand, of the shape and scalar type of X.</param>
    /// <param name="result">Receives X ⊙ Y.</param>
    /// <exception cref="ArgumentException">Y differs from X in shape or scalar type (the message names both shapes), or <paramref name="result"/> has another scalar type.</exception>
    public static void Hadamard(Matrix X, Matrix Y, Matrix result)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        ArgumentNullException.ThrowIfNull(result);
        MatrixHandle x = X.CheckedHandle(nameof(X));
        MatrixHandle y = Y.CheckedHandle(nameof(Y));
        MatrixHandle output = result.CheckedHandle(nameof(result));
        FunctionArguments.RequireSameScalarType(result, nameof(result), X, nameof(X));
        Status.Check(NativeMethods.nerva_matrix_hadamard(output, x, y));
    }

    /// <summary>
    /// Computes 1/√(X + ε) element-wise, the inv_sqrt of batch normalization.
    /// </summary>
    /// <param name="X">The input.</param>
    /// <param name="epsilon">ε, finite and greater than 0.</param>
    /// <param name="result">Receives 1/√(X + ε), of the shape of X.</param>
    /// <exception cref="ArgumentException"><paramref name="epsilon"/> is not finite or not greater than 0, or <paramref name="result"/> has another scalar type.</exception>
    public static void InvSqrt(Matrix X, double epsilon, Matrix result)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(result);
        MatrixHandle x = X.CheckedHandle(nameof(X));
        MatrixHandle output = result.CheckedHandle(nameof(result));
        FunctionArguments.RequireSameScalarType(result, nameof(result), X, nameof(X));
        Status.Check(NativeMethods.nerva_matrix_inv_sqrt(output, x, epsilon));
    }

    private static void Unary(Matrix X, Matrix result, Func<MatrixHandle, MatrixHandle, NervaStatus> operation)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(result);
        MatrixHandle x = X.CheckedHandle(nameof(X));
        MatrixHandle output = result.CheckedHandle(nameof(result));
        FunctionArguments.RequireSameScalarType(result, nameof(result), X, nameof(X));
        Status.Check(operation(output, x));
    }
}
