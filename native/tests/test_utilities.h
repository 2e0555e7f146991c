// Shared helpers of the native tests: random matrices and central finite
// differences.
#ifndef NERVA_TESTS_TEST_UTILITIES_H
#define NERVA_TESTS_TEST_UTILITIES_H

#include <cmath>
#include <functional>
#include <random>

#include "core/matrix.h"

namespace nerva::testing
{

// A rows x cols matrix with entries uniform in [low, high).
template <typename T>
Matrix<T> random_matrix(Index rows, Index cols, std::mt19937& rng, double low = -1.0, double high = 1.0)
{
    std::uniform_real_distribution<double> distribution(low, high);
    Matrix<T> A(rows, cols);
    for (Index i = 0; i < A.size(); ++i)
    {
        A.data()[i] = static_cast<T>(distribution(rng));
    }
    return A;
}

// The gradient of a scalar function f with respect to A by central
// differences (f(A + h e_ij) - f(A - h e_ij)) / 2h, restoring A afterwards.
inline Matrix<double> finite_difference_gradient(Matrix<double>& A, const std::function<double()>& f, double h = 1e-6)
{
    Matrix<double> gradient(A.rows(), A.cols());
    for (Index i = 0; i < A.size(); ++i)
    {
        const double saved = A.data()[i];
        A.data()[i] = saved + h;
        const double plus = f();
        A.data()[i] = saved - h;
        const double minus = f();
        A.data()[i] = saved;
        gradient.data()[i] = (plus - minus) / (2 * h);
    }
    return gradient;
}

// The largest |A - B| relative to max(1, |B|), elementwise.
inline double max_relative_difference(const Matrix<double>& A, const Matrix<double>& B)
{
    double result = 0;
    for (Index i = 0; i < A.size(); ++i)
    {
        const double scale = std::max(1.0, std::abs(B.data()[i]));
        result = std::max(result, std::abs(A.data()[i] - B.data()[i]) / scale);
    }
    return result;
}

} // namespace nerva::testing

#endif
