#include <gtest/gtest.h>

#include "core/layers/batch_normalization_layer.h"
#include "test_utilities.h"

using nerva::BatchNormalizationLayer;
using nerva::Index;
using nerva::Matrix;
using nerva::testing::check_layer_gradients;
using nerva::testing::random_matrix;

namespace
{

BatchNormalizationLayer<double> random_layer(Index K, std::mt19937& rng)
{
    BatchNormalizationLayer<double> layer(K);
    layer.gamma = random_matrix<double>(1, K, rng, 0.5, 2);
    layer.beta = random_matrix<double>(1, K, rng);
    return layer;
}

// Equation 25 as written, with N x N matrices:
// DX = (1/N 1_N Σ^(-1/2)) ⊙ ((N I_N - 1_N 1_N^T) DZ - Z ⊙ (1_N diag(Z^T DZ)^T)).
Matrix<double> equation_25(const Matrix<double>& Z, const Matrix<double>& DZ, const Matrix<double>& inv_sqrt_Sigma)
{
    const Index N = Z.rows();
    const Matrix<double> I = nerva::identity<double>(N);
    const Matrix<double> ones = nerva::ones<double>(N, N);
    const Matrix<double> diagonal = (Z.transpose() * DZ).diagonal().transpose();
    const Matrix<double> inner = (N * I - ones) * DZ - nerva::hadamard(Z, nerva::row_repeat(diagonal, N));
    return nerva::hadamard(nerva::row_repeat(Matrix<double>(inv_sqrt_Sigma / double(N)), N), inner);
}

} // namespace

TEST(BatchNormalizationLayer, TrainingGradientsMatchFiniteDifferences)
{
    std::mt19937 rng(70);
    auto layer = random_layer(4, rng);
    Matrix<double> X = random_matrix<double>(6, 4, rng, -2, 2);
    const Matrix<double> C = random_matrix<double>(6, 4, rng);
    // Relative tolerance of the central differences (h = 1e-6).
    for (const auto& check : check_layer_gradients(layer, X, C))
    {
        EXPECT_LT(check.difference, 1e-7) << check.name;
    }
}

TEST(BatchNormalizationLayer, DXEqualsEquation25)
{
    std::mt19937 rng(71);
    auto layer = random_layer(3, rng);
    const Matrix<double> X = random_matrix<double>(7, 3, rng, -2, 2);
    const Matrix<double> DY = random_matrix<double>(7, 3, rng);
    Matrix<double> Y, DX;
    layer.feedforward(X, Y);
    layer.backpropagate(X, Y, DY, &DX);
    EXPECT_LT((DX - equation_25(layer.Z, layer.DZ, layer.inv_sqrt_Sigma)).cwiseAbs().maxCoeff(), 1e-13);
}

TEST(BatchNormalizationLayer, TrainingNormalizesColumns)
{
    std::mt19937 rng(72);
    BatchNormalizationLayer<double> layer(3);
    const Matrix<double> X = random_matrix<double>(8, 3, rng, -5, 5);
    Matrix<double> Y;
    layer.feedforward(X, Y);
    const Matrix<double> mean = nerva::columns_mean(Y);
    const Matrix<double> variance = nerva::columns_mean(nerva::hadamard(Y, Y));
    for (Index j = 0; j < 3; ++j)
    {
        EXPECT_NEAR(mean(0, j), 0.0, 1e-14);
        // Σ / (Σ + epsilon) with epsilon = 1e-5 and Σ of order 1 to 10.
        EXPECT_NEAR(variance(0, j), 1.0, 1e-5);
    }
}

// With momentum 1 the running statistics are those of the last batch, the
// variance with the unbiased N - 1 denominator.
TEST(BatchNormalizationLayer, RunningStatisticsUseMomentumAndUnbiasedVariance)
{
    Matrix<double> X(4, 2);
    X << 1, 10, 2, 20, 3, 30, 6, 60;
    BatchNormalizationLayer<double> last(2, 1e-5, 1.0);
    Matrix<double> Y;
    last.feedforward(X, Y);
    EXPECT_DOUBLE_EQ(last.running_mean(0, 0), 3.0);
    EXPECT_DOUBLE_EQ(last.running_mean(0, 1), 30.0);
    // The squared deviations 4, 1, 0, 9 sum to 14, so the unbiased variance is 14 / 3.
    EXPECT_DOUBLE_EQ(last.running_variance(0, 0), 14.0 / 3);
    EXPECT_DOUBLE_EQ(last.running_variance(0, 1), 1400.0 / 3);

    BatchNormalizationLayer<double> layer(2);
    layer.feedforward(X, Y);
    EXPECT_DOUBLE_EQ(layer.running_mean(0, 0), 0.1 * 3.0);
    EXPECT_DOUBLE_EQ(layer.running_variance(0, 0), 0.9 + 0.1 * 14.0 / 3);
}

TEST(BatchNormalizationLayer, EvaluationUsesRunningStatistics)
{
    std::mt19937 rng(73);
    auto layer = random_layer(3, rng);
    layer.running_mean = random_matrix<double>(1, 3, rng);
    layer.running_variance = random_matrix<double>(1, 3, rng, 0.5, 3);
    layer.set_training(false);
    const Matrix<double> running_mean = layer.running_mean;

    Matrix<double> X = random_matrix<double>(1, 3, rng, -2, 2);
    Matrix<double> Y;
    layer.feedforward(X, Y);
    for (Index j = 0; j < 3; ++j)
    {
        const double z = (X(0, j) - layer.running_mean(0, j)) / std::sqrt(layer.running_variance(0, j) + 1e-5);
        EXPECT_NEAR(Y(0, j), layer.gamma(0, j) * z + layer.beta(0, j), 1e-14);
    }
    EXPECT_EQ(layer.running_mean, running_mean) << "evaluation must not update the running statistics";

    Matrix<double> Xb = random_matrix<double>(5, 3, rng, -2, 2);
    const Matrix<double> C = random_matrix<double>(5, 3, rng);
    for (const auto& check : check_layer_gradients(layer, Xb, C))
    {
        EXPECT_LT(check.difference, 1e-7) << check.name;
    }
}

TEST(BatchNormalizationLayer, TrainingRejectsBatchOfOne)
{
    BatchNormalizationLayer<float> layer(3);
    const Matrix<float> X = Matrix<float>::Ones(1, 3);
    Matrix<float> Y;
    try
    {
        layer.feedforward(X, Y);
        FAIL() << "expected an error";
    }
    catch (const nerva::Error& e)
    {
        EXPECT_EQ(e.argument(), "X");
        EXPECT_NE(std::string(e.what()).find("N = 1"), std::string::npos) << e.what();
    }
}

TEST(BatchNormalizationLayer, RejectsInvalidEpsilonAndMomentum)
{
    EXPECT_THROW(BatchNormalizationLayer<double>(3, 0.0), nerva::Error);
    EXPECT_THROW(BatchNormalizationLayer<double>(3, -1e-5), nerva::Error);
    EXPECT_THROW(BatchNormalizationLayer<double>(3, std::nan("")), nerva::Error);
    EXPECT_THROW(BatchNormalizationLayer<double>(3, 1e-5, 1.5), nerva::Error);
    EXPECT_THROW(BatchNormalizationLayer<double>(3, 1e-5, -0.1), nerva::Error);
    EXPECT_THROW(BatchNormalizationLayer<double>(0), nerva::Error);
}

TEST(BatchNormalizationLayer, ConstantColumnStaysFinite)
{
    BatchNormalizationLayer<float> layer(2);
    Matrix<float> X(3, 2);
    X << 1, 5, 1, 6, 1, 7;
    Matrix<float> Y, DX;
    layer.feedforward(X, Y);
    layer.backpropagate(X, Y, Matrix<float>::Ones(3, 2), &DX);
    EXPECT_TRUE(Y.allFinite());
    EXPECT_TRUE(DX.allFinite());
    EXPECT_EQ(Y(0, 0), 0.0f);
}
