#include <gtest/gtest.h>

#include "core/layers/softmax_layer.h"
#include "test_utilities.h"

using nerva::Index;
using nerva::LogSoftmaxLayer;
using nerva::Matrix;
using nerva::SoftmaxLayer;
using nerva::testing::check_layer_gradients;
using nerva::testing::random_matrix;

namespace
{

template <typename Layer>
void randomize_weights(Layer& layer, std::mt19937& rng)
{
    layer.W = random_matrix<double>(layer.W.rows(), layer.W.cols(), rng, -2, 2);
    layer.b = random_matrix<double>(1, layer.b.cols(), rng);
}

template <typename Layer>
void expect_gradients_match(unsigned seed)
{
    std::mt19937 rng(seed);
    Layer layer(4, 5);
    randomize_weights(layer, rng);
    Matrix<double> X = random_matrix<double>(3, 4, rng);
    const Matrix<double> C = random_matrix<double>(3, 5, rng);
    // Relative tolerance of the central differences (h = 1e-6).
    for (const auto& check : check_layer_gradients(layer, X, C))
    {
        EXPECT_LT(check.difference, 1e-7) << check.name;
    }
}

// Runs feedforward and backpropagate with a random DY and returns DY.
template <typename Layer>
Matrix<double> run(Layer& layer, unsigned seed)
{
    std::mt19937 rng(seed);
    randomize_weights(layer, rng);
    const Matrix<double> X = random_matrix<double>(4, layer.input_size(), rng);
    Matrix<double> DY = random_matrix<double>(4, layer.output_size(), rng);
    Matrix<double> Y;
    layer.feedforward(X, Y);
    layer.backpropagate(X, Y, DY, nullptr);
    return DY;
}

} // namespace

TEST(SoftmaxLayer, GradientsMatchFiniteDifferences)
{
    expect_gradients_match<SoftmaxLayer<double>>(60);
}

TEST(LogSoftmaxLayer, GradientsMatchFiniteDifferences)
{
    expect_gradients_match<LogSoftmaxLayer<double>>(61);
}

// Each row of DZ is that row of DY times the Jacobian (26) at that row of Z.
TEST(SoftmaxLayer, RowsOfDZMatchJacobian)
{
    SoftmaxLayer<double> layer(3, 5);
    const Matrix<double> DY = run(layer, 62);
    for (Index i = 0; i < DY.rows(); ++i)
    {
        const Matrix<double> expected = DY.row(i) * nerva::softmax_jacobian(Matrix<double>(layer.Z.row(i)));
        EXPECT_LT((layer.DZ.row(i) - expected).cwiseAbs().maxCoeff(), 1e-15) << "row " << i;
    }
}

// Each row of DZ is that row of DY times the Jacobian (27) at that row of Z.
TEST(LogSoftmaxLayer, RowsOfDZMatchJacobian)
{
    LogSoftmaxLayer<double> layer(3, 5);
    const Matrix<double> DY = run(layer, 63);
    for (Index i = 0; i < DY.rows(); ++i)
    {
        const Matrix<double> expected = DY.row(i) * nerva::log_softmax_jacobian(Matrix<double>(layer.Z.row(i)));
        EXPECT_LT((layer.DZ.row(i) - expected).cwiseAbs().maxCoeff(), 1e-15) << "row " << i;
    }
}

TEST(SoftmaxLayer, OutputIsFiniteForLargeZ)
{
    SoftmaxLayer<float> softmax(2, 3);
    LogSoftmaxLayer<float> log_softmax(2, 3);
    Matrix<float> W(3, 2);
    W << 1000, 0, -1000, 0, 0, 1000;
    softmax.W = log_softmax.W = W;
    Matrix<float> X(2, 2);
    X << 1, 1, -1, 1;
    Matrix<float> Y, L;
    softmax.feedforward(X, Y);
    log_softmax.feedforward(X, L);
    EXPECT_TRUE(Y.allFinite());
    EXPECT_TRUE(L.allFinite());
    EXPECT_FLOAT_EQ(Y(0, 0), 0.5f);
    // Row 2 has Z = (-1000, 1000, 1000).
    EXPECT_FLOAT_EQ(L(1, 0), -2000.0f - std::log(2.0f));
}
