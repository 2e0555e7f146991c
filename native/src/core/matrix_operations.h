// The matrix operations of the specification's Table 1, written with the
// Eigen forms of its Table 2. Each function returns a new matrix, so an
// argument may alias the variable that receives the result.
//
// Scalars inside namespace nerva must be called as std::exp, std::log and so
// on, because the unqualified names resolve to the matrix functions below.
#ifndef NERVA_CORE_MATRIX_OPERATIONS_H
#define NERVA_CORE_MATRIX_OPERATIONS_H

#include <cmath>

#include "core/matrix.h"

namespace nerva
{

// 0_m: an m x 1 column of zeros.
template <typename T>
Matrix<T> zeros(Index m)
{
    return Matrix<T>::Zero(m, 1);
}

// 0_mn: an m x n matrix of zeros.
template <typename T>
Matrix<T> zeros(Index m, Index n)
{
    return Matrix<T>::Zero(m, n);
}

// 1_m: an m x 1 column of ones.
template <typename T>
Matrix<T> ones(Index m)
{
    return Matrix<T>::Ones(m, 1);
}

// 1_mn: an m x n matrix of ones.
template <typename T>
Matrix<T> ones(Index m, Index n)
{
    return Matrix<T>::Ones(m, n);
}

// I_n: the n x n identity.
template <typename T>
Matrix<T> identity(Index n)
{
    return Matrix<T>::Identity(n, n);
}

// Throws ShapeMismatch unless X and Y have the same shape.
template <typename T>
void require_same_shape(const Matrix<T>& X, const Matrix<T>& Y, const char* x_name, const char* y_name)
{
    if (X.rows() != Y.rows() || X.cols() != Y.cols())
    {
        throw_shape_mismatch(y_name, y_name, " has shape ", shape_of(Y), " but ", x_name, " has shape ", shape_of(X),
                             "; they must be equal");
    }
}

// Throws ShapeMismatch unless x is a row (1 x n) or a column (m x 1).
template <typename T>
void require_vector(const Matrix<T>& x, const char* name)
{
    if (x.rows() != 1 && x.cols() != 1)
    {
        throw_shape_mismatch(name, name, " has shape ", shape_of(x), " but a 1 x n or m x 1 vector is required");
    }
}

// X ⊙ Y, the element-wise product.
template <typename T>
Matrix<T> hadamard(const Matrix<T>& X, const Matrix<T>& Y)
{
    require_same_shape(X, Y, "X", "Y");
    return X.cwiseProduct(Y);
}

// diag(X): the main diagonal of X as a column vector.
template <typename T>
Matrix<T> diag(const Matrix<T>& X)
{
    return X.diagonal();
}

// Diag(x): the square matrix with the row or column vector x on its diagonal.
template <typename T>
Matrix<T> Diag(const Matrix<T>& x)
{
    require_vector(x, "x");
    const Index n = x.size();
    return Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>(x.data(), n).asDiagonal();
}

// 1_m^T X 1_n: the sum of all elements.
template <typename T>
T elements_sum(const Matrix<T>& X)
{
    return X.sum();
}

// x 1_n^T: n copies of the column vector x (m x 1).
template <typename T>
Matrix<T> column_repeat(const Matrix<T>& x, Index n)
{
    require_shape(x, x.rows(), 1, "x");
    return x.replicate(1, n);
}

// 1_m x: m copies of the row vector x (1 x n).
template <typename T>
Matrix<T> row_repeat(const Matrix<T>& x, Index m)
{
    require_shape(x, 1, x.cols(), "x");
    return x.replicate(m, 1);
}

// 1_m^T X: the 1 x n row of column sums.
template <typename T>
Matrix<T> columns_sum(const Matrix<T>& X)
{
    return X.colwise().sum();
}

// X 1_n: the m x 1 column of row sums.
template <typename T>
Matrix<T> rows_sum(const Matrix<T>& X)
{
    return X.rowwise().sum();
}

// The 1 x n row of column maxima.
template <typename T>
Matrix<T> columns_max(const Matrix<T>& X)
{
    return X.colwise().maxCoeff();
}

// The m x 1 column of row maxima.
template <typename T>
Matrix<T> rows_max(const Matrix<T>& X)
{
    return X.rowwise().maxCoeff();
}

// (1_m^T X) / m: the 1 x n row of column means.
template <typename T>
Matrix<T> columns_mean(const Matrix<T>& X)
{
    return X.colwise().mean();
}

// (X 1_n) / n: the m x 1 column of row means.
template <typename T>
Matrix<T> rows_mean(const Matrix<T>& X)
{
    return X.rowwise().mean();
}

// f(X), element-wise.
template <typename T, typename Function>
Matrix<T> apply(Function f, const Matrix<T>& X)
{
    return X.unaryExpr(f);
}

// e^X, element-wise.
template <typename T>
Matrix<T> exp(const Matrix<T>& X)
{
    return X.array().exp().matrix();
}

// log(X), element-wise. log(0) is -inf and log of a negative value is NaN.
template <typename T>
Matrix<T> log(const Matrix<T>& X)
{
    return X.array().log().matrix();
}

// 1 / X, element-wise. 1 / 0 is inf with the sign of the zero.
template <typename T>
Matrix<T> reciprocal(const Matrix<T>& X)
{
    return X.array().inverse().matrix();
}

// sqrt(X), element-wise.
template <typename T>
Matrix<T> sqrt(const Matrix<T>& X)
{
    return X.array().sqrt().matrix();
}

// 1 / sqrt(X + epsilon), element-wise. epsilon > 0 keeps a zero variance finite.
template <typename T>
Matrix<T> inv_sqrt(const Matrix<T>& X, T epsilon)
{
    if (!(epsilon > T(0)) || !std::isfinite(epsilon))
    {
        throw_invalid_argument("epsilon", "epsilon is ", epsilon, " but must be finite and > 0");
    }
    return (X.array() + epsilon).sqrt().inverse().matrix();
}

// log(sigmoid(x)) = min(x, 0) - log(1 + e^(-|x|)). This form never
// exponentiates a positive number, so it is finite for every finite x.
template <typename T>
T log_sigmoid(T x)
{
    return std::min(x, T(0)) - std::log1p(std::exp(-std::abs(x)));
}

// log(sigmoid(X)), element-wise and stable for large |X|.
template <typename T>
Matrix<T> log_sigmoid(const Matrix<T>& X)
{
    return X.unaryExpr([](T x) { return log_sigmoid(x); });
}

} // namespace nerva

#endif
