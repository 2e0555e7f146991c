// Softmax functions in matrix form (one example per row) and the Jacobians of
// softmax and log-softmax for a single row.
#ifndef NERVA_CORE_SOFTMAX_FUNCTIONS_H
#define NERVA_CORE_SOFTMAX_FUNCTIONS_H

#include "core/matrix_operations.h"

namespace nerva
{

enum class SoftmaxKind
{
    Softmax,
    StableSoftmax,
    LogSoftmax,
    StableLogSoftmax
};

// softmax(X) = e^X ⊙ ((1 / (e^X 1_D)) 1_D^T). It overflows for inputs above
// about 88 (float32) or 709 (float64), so use stable_softmax for those.
template <typename T>
Matrix<T> softmax(const Matrix<T>& X)
{
    const Matrix<T> E = exp(X);
    return hadamard(E, column_repeat(reciprocal(rows_sum(E)), X.cols()));
}

// softmax of Z = X - max(X)_row 1_D^T. Every exponent is <= 0, so no row
// overflows and each row sum is >= 1.
template <typename T>
Matrix<T> stable_softmax(const Matrix<T>& X)
{
    const Matrix<T> Z = X - column_repeat(rows_max(X), X.cols());
    return softmax(Z);
}

// log-softmax(X) = X - log(e^X 1_D) 1_D^T
template <typename T>
Matrix<T> log_softmax(const Matrix<T>& X)
{
    return X - column_repeat(log(rows_sum(exp(X))), X.cols());
}

// log-softmax of Z = X - max(X)_row 1_D^T, finite for every finite X.
template <typename T>
Matrix<T> stable_log_softmax(const Matrix<T>& X)
{
    const Matrix<T> Z = X - column_repeat(rows_max(X), X.cols());
    return log_softmax(Z);
}

template <typename T>
Matrix<T> softmax_function(SoftmaxKind kind, const Matrix<T>& X)
{
    switch (kind)
    {
    case SoftmaxKind::Softmax:
        return softmax(X);
    case SoftmaxKind::StableSoftmax:
        return stable_softmax(X);
    case SoftmaxKind::LogSoftmax:
        return log_softmax(X);
    case SoftmaxKind::StableLogSoftmax:
        return stable_log_softmax(X);
    }
    throw_invalid_argument("kind", "unknown softmax kind ", static_cast<int>(kind));
}

// The D x D Jacobian of softmax at the row x (1 x D):
// Diag(softmax(x)) - softmax(x)^T softmax(x). It is the same for the stable form.
template <typename T>
Matrix<T> softmax_jacobian(const Matrix<T>& x)
{
    require_shape(x, 1, x.cols(), "x");
    const Matrix<T> y = stable_softmax(x);
    Matrix<T> J = Diag(y);
    J -= y.transpose() * y;
    return J;
}

// The D x D Jacobian of log-softmax at the row x (1 x D):
// I_D - 1_D softmax(x). Row i is e_i - softmax(x).
template <typename T>
Matrix<T> log_softmax_jacobian(const Matrix<T>& x)
{
    require_shape(x, 1, x.cols(), "x");
    const Index D = x.cols();
    return identity<T>(D) - row_repeat(stable_softmax(x), D);
}

} // namespace nerva

#endif
