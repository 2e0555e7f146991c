#include <gtest/gtest.h>

#include "core/layers/activation_layer.h"
#include "core/layers/dropout_layers.h"
#include "core/layers/linear_layer.h"
#include "test_utilities.h"

using nerva::Activation;
using nerva::ActivationDropoutLayer;
using nerva::ActivationKind;
using nerva::ActivationLayer;
using nerva::Index;
using nerva::LinearDropoutLayer;
using nerva::LinearLayer;
using nerva::Matrix;
using nerva::testing::check_layer_gradients;
using nerva::testing::random_matrix;

namespace
{

Activation leaky_relu()
{
    Activation activation;
    activation.kind = ActivationKind::LeakyReLU;
    activation.alpha = 0.1;
    return activation;
}

} // namespace

TEST(LinearDropoutLayer, ZeroDropRateEqualsLinearLayerExactly)
{
    std::mt19937 rng(80);
    LinearLayer<float> plain(5, 4);
    LinearDropoutLayer<float> dropout(5, 4, 0.0, 1);
    plain.W = dropout.W = random_matrix<float>(4, 5, rng);
    plain.b = dropout.b = random_matrix<float>(1, 4, rng);
    const Matrix<float> X = random_matrix<float>(3, 5, rng);
    const Matrix<float> DY = random_matrix<float>(3, 4, rng);
    Matrix<float> Y1, Y2, DX1, DX2;
    plain.feedforward(X, Y1);
    dropout.feedforward(X, Y2);
    plain.backpropagate(X, Y1, DY, &DX1);
    dropout.backpropagate(X, Y2, DY, &DX2);
    EXPECT_EQ(Y1, Y2);
    EXPECT_EQ(DX1, DX2);
    EXPECT_EQ(plain.DW, dropout.DW);
    EXPECT_EQ(plain.Db, dropout.Db);
}

TEST(ActivationDropoutLayer, ZeroDropRateEqualsActivationLayerExactly)
{
    std::mt19937 rng(81);
    ActivationLayer<double> plain(5, 4, leaky_relu());
    ActivationDropoutLayer<double> dropout(5, 4, leaky_relu(), 0.0, 1);
    plain.W = dropout.W = random_matrix<double>(4, 5, rng);
    plain.b = dropout.b = random_matrix<double>(1, 4, rng);
    const Matrix<double> X = random_matrix<double>(3, 5, rng);
    const Matrix<double> DY = random_matrix<double>(3, 4, rng);
    Matrix<double> Y1, Y2, DX1, DX2;
    plain.feedforward(X, Y1);
    dropout.feedforward(X, Y2);
    plain.backpropagate(X, Y1, DY, &DX1);
    dropout.backpropagate(X, Y2, DY, &DX2);
    EXPECT_EQ(Y1, Y2);
    EXPECT_EQ(DX1, DX2);
    EXPECT_EQ(plain.DW, dropout.DW);
    EXPECT_EQ(plain.Db, dropout.Db);
}

// 100,000 entries with q = 0.3: the standard deviation of the dropped
// fraction is sqrt(q (1 - q) / n) ≈ 0.0015, so 0.01 is about 7 of them.
TEST(LinearDropoutLayer, MaskHasShapeRateAndScale)
{
    constexpr double q = 0.3;
    LinearDropoutLayer<double> layer(500, 200, q, 42);
    Matrix<double> Y;
    layer.feedforward(Matrix<double>::Ones(1, 500), Y);
    const Matrix<double>& R = layer.R;
    ASSERT_EQ(R.rows(), 200);
    ASSERT_EQ(R.cols(), 500);
    const double scale = 1 / (1 - q);
    Index dropped = 0;
    for (Index i = 0; i < R.size(); ++i)
    {
        const double r = R.data()[i];
        ASSERT_TRUE(r == 0.0 || r == scale) << "entry " << i << " is " << r;
        dropped += r == 0.0;
    }
    EXPECT_NEAR(double(dropped) / double(R.size()), q, 0.01);
}

TEST(LinearDropoutLayer, MaskIsFreshPerFeedforwardAndSeeded)
{
    LinearDropoutLayer<double> first(20, 10, 0.5, 7);
    LinearDropoutLayer<double> same(20, 10, 0.5, 7);
    LinearDropoutLayer<double> other(20, 10, 0.5, 8);
    const Matrix<double> X = Matrix<double>::Ones(2, 20);
    Matrix<double> Y;
    first.feedforward(X, Y);
    same.feedforward(X, Y);
    other.feedforward(X, Y);
    const Matrix<double> R1 = first.R;
    EXPECT_EQ(R1, same.R);
    EXPECT_NE(R1, other.R);
    first.feedforward(X, Y);
    EXPECT_NE(R1, first.R);
}

TEST(LinearDropoutLayer, FrozenMaskIsKept)
{
    LinearDropoutLayer<double> layer(4, 3, 0.5, 9);
    layer.R << 2, 0, 2, 0, 0, 2, 0, 2, 2, 2, 0, 0;
    const Matrix<double> written = layer.R;
    layer.set_mask_frozen(true);
    Matrix<double> Y;
    layer.feedforward(Matrix<double>::Ones(2, 4), Y);
    EXPECT_EQ(layer.R, written);
}

// Relative tolerance 1e-7 of the central differences (h = 1e-6), with the
// mask frozen after the first draw.
TEST(LinearDropoutLayer, GradientsMatchFiniteDifferencesWithFixedMask)
{
    std::mt19937 rng(82);
    LinearDropoutLayer<double> layer(5, 4, 0.4, 3);
    layer.W = random_matrix<double>(4, 5, rng);
    layer.b = random_matrix<double>(1, 4, rng);
    Matrix<double> X = random_matrix<double>(3, 5, rng);
    Matrix<double> Y;
    layer.feedforward(X, Y);
    layer.set_mask_frozen(true);
    ASSERT_GT((layer.R.array() == 0).count(), 0);
    const Matrix<double> C = random_matrix<double>(3, 4, rng);
    for (const auto& check : check_layer_gradients(layer, X, C))
    {
        EXPECT_LT(check.difference, 1e-7) << check.name;
    }
    EXPECT_EQ((layer.DW.array() == 0).count(), (layer.R.array() == 0).count());
}

TEST(ActivationDropoutLayer, GradientsMatchFiniteDifferencesWithFixedMask)
{
    std::mt19937 rng(83);
    ActivationDropoutLayer<double> layer(5, 4, leaky_relu(), 0.4, 3);
    layer.W = random_matrix<double>(4, 5, rng);
    layer.b = random_matrix<double>(1, 4, rng);
    Matrix<double> X = random_matrix<double>(3, 5, rng);
    Matrix<double> Y;
    layer.feedforward(X, Y);
    layer.set_mask_frozen(true);
    const Matrix<double> C = random_matrix<double>(3, 4, rng);
    for (const auto& check : check_layer_gradients(layer, X, C))
    {
        EXPECT_LT(check.difference, 1e-7) << check.name;
    }
}

TEST(ActivationDropoutLayer, EvaluationUsesMaskOfOnes)
{
    std::mt19937 rng(84);
    ActivationLayer<double> plain(5, 4, leaky_relu());
    ActivationDropoutLayer<double> dropout(5, 4, leaky_relu(), 0.5, 5);
    plain.W = dropout.W = random_matrix<double>(4, 5, rng);
    dropout.set_training(false);
    const Matrix<double> X = random_matrix<double>(3, 5, rng);
    Matrix<double> Y1, Y2;
    plain.feedforward(X, Y1);
    dropout.feedforward(X, Y2);
    EXPECT_EQ(Y1, Y2);
    EXPECT_EQ(dropout.R, (Matrix<double>::Ones(4, 5)));
}

TEST(LinearDropoutLayer, RejectsDropRateOutsideRange)
{
    EXPECT_THROW(LinearDropoutLayer<double>(2, 2, 1.0, 0), nerva::Error);
    EXPECT_THROW(LinearDropoutLayer<double>(2, 2, -0.1, 0), nerva::Error);
    EXPECT_THROW(LinearDropoutLayer<double>(2, 2, std::nan(""), 0), nerva::Error);
    EXPECT_THROW(ActivationDropoutLayer<double>(2, 2, leaky_relu(), 1.5, 0), nerva::Error);
}

TEST(LinearDropoutLayer, ParametersIncludeMaskAsState)
{
    LinearDropoutLayer<double> layer(3, 2, 0.5, 0);
    const auto parameters = layer.parameters();
    ASSERT_EQ(parameters.size(), 3u);
    EXPECT_EQ(parameters[2].name, "R");
    EXPECT_EQ(parameters[2].gradient, nullptr);
    EXPECT_EQ(parameters[2].value->rows(), 2);
    EXPECT_EQ(parameters[2].value->cols(), 3);
}
