#include <gtest/gtest.h>

#include "core/layers/linear_layer.h"
#include "test_utilities.h"

using nerva::Index;
using nerva::LinearLayer;
using nerva::Matrix;
using nerva::testing::check_layer_gradients;
using nerva::testing::random_matrix;

namespace
{

// Y_ij = sum_k X_ik W_jk + b_j, by plain loops.
template <typename T>
Matrix<T> reference_feedforward(const Matrix<T>& X, const Matrix<T>& W, const Matrix<T>& b)
{
    Matrix<T> Y(X.rows(), W.rows());
    for (Index i = 0; i < X.rows(); ++i)
    {
        for (Index j = 0; j < W.rows(); ++j)
        {
            double sum = b(0, j);
            for (Index k = 0; k < X.cols(); ++k)
            {
                sum += double(X(i, k)) * double(W(j, k));
            }
            Y(i, j) = static_cast<T>(sum);
        }
    }
    return Y;
}

template <typename T>
void check_feedforward_matches_loops(double tolerance)
{
    std::mt19937 rng(7);
    LinearLayer<T> layer(5, 3);
    layer.W = random_matrix<T>(3, 5, rng);
    layer.b = random_matrix<T>(1, 3, rng);
    const Matrix<T> X = random_matrix<T>(4, 5, rng);
    Matrix<T> Y;
    layer.feedforward(X, Y);
    const Matrix<T> expected = reference_feedforward(X, layer.W, layer.b);
    ASSERT_EQ(Y.rows(), 4);
    ASSERT_EQ(Y.cols(), 3);
    EXPECT_LT((Y - expected).cwiseAbs().maxCoeff(), tolerance);
}

} // namespace

TEST(LinearLayer, FeedforwardMatchesLoopsFloat32)
{
    check_feedforward_matches_loops<float>(1e-5);
}

TEST(LinearLayer, FeedforwardMatchesLoopsFloat64)
{
    check_feedforward_matches_loops<double>(1e-12);
}

// The loss L(Y) = sum(Y .* C) has DY = C, so every gradient of the layer can
// be compared with central differences of L.
TEST(LinearLayer, GradientsMatchFiniteDifferences)
{
    std::mt19937 rng(11);
    LinearLayer<double> layer(6, 4);
    layer.W = random_matrix<double>(4, 6, rng);
    layer.b = random_matrix<double>(1, 4, rng);
    Matrix<double> X = random_matrix<double>(5, 6, rng);
    const Matrix<double> C = random_matrix<double>(5, 4, rng);

    constexpr double tolerance = 1e-7;
    const auto checks = check_layer_gradients(layer, X, C);
    ASSERT_EQ(checks.size(), 3u);
    for (const auto& check : checks)
    {
        EXPECT_LT(check.difference, tolerance) << check.name;
    }
}

TEST(LinearLayer, RejectsInputOfWrongWidth)
{
    LinearLayer<float> layer(3, 2);
    Matrix<float> X = Matrix<float>::Zero(4, 5);
    Matrix<float> Y;
    EXPECT_THROW(layer.feedforward(X, Y), nerva::Error);
}

TEST(LinearLayer, BackpropagateWithoutDXLeavesItUncomputed)
{
    std::mt19937 rng(3);
    LinearLayer<double> layer(2, 2);
    layer.W = random_matrix<double>(2, 2, rng);
    const Matrix<double> X = random_matrix<double>(3, 2, rng);
    Matrix<double> Y;
    layer.feedforward(X, Y);
    const Matrix<double> DY = Matrix<double>::Ones(3, 2);
    layer.backpropagate(X, Y, DY, nullptr);
    EXPECT_DOUBLE_EQ(layer.Db(0, 0), 3.0);
    EXPECT_DOUBLE_EQ(layer.Db(0, 1), 3.0);
}
