// Shared helpers of the native tests: random matrices, central finite
// differences and a gradient check of every trainable parameter of a layer.
#ifndef NERVA_TESTS_TEST_UTILITIES_H
#define NERVA_TESTS_TEST_UTILITIES_H

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/layers/layer.h"
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

// The largest relative difference between an analytic gradient and central
// differences, for DX and for each trainable parameter of a layer.
struct GradientCheck
{
    std::string name;
    double difference;
};

// Checks a layer under the loss L(Y) = sum(Y ⊙ C), whose DY is C: runs one
// feedforward and backpropagate, then compares DX and every parameter
// gradient with central differences of L. The layer's mode and dropout mask
// must not change between feedforwards for the comparison to be valid.
inline std::vector<GradientCheck> check_layer_gradients(Layer<double>& layer, Matrix<double>& X,
                                                        const Matrix<double>& C, double h = 1e-6)
{
    auto loss = [&] {
        Matrix<double> Y;
        layer.feedforward(X, Y);
        return Y.cwiseProduct(C).sum();
    };

    Matrix<double> Y;
    Matrix<double> DX;
    layer.feedforward(X, Y);
    layer.backpropagate(X, Y, C, &DX);

    std::vector<GradientCheck> result;
    std::vector<Matrix<double>> gradients;
    for (const auto& parameter : layer.parameters())
    {
        if (parameter.gradient)
        {
            gradients.push_back(*parameter.gradient);
        }
    }
    size_t index = 0;
    for (const auto& parameter : layer.parameters())
    {
        if (parameter.gradient)
        {
            const Matrix<double> expected = finite_difference_gradient(*parameter.value, loss, h);
            result.push_back({"D" + parameter.name, max_relative_difference(gradients[index++], expected)});
        }
    }
    result.push_back({"DX", max_relative_difference(DX, finite_difference_gradient(X, loss, h))});
    return result;
}

} // namespace nerva::testing

#endif
