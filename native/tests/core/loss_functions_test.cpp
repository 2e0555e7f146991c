#include <gtest/gtest.h>
#include <limits>

#include "core/loss_functions.h"
#include "test_utilities.h"

using nerva::Index;
using nerva::LossKind;
using nerva::Matrix;
using nerva::testing::finite_difference_gradient;
using nerva::testing::max_relative_difference;
using nerva::testing::random_matrix;

namespace
{

const LossKind all_losses[] = {LossKind::SquaredError,         LossKind::MeanSquaredError,
                               LossKind::CrossEntropy,         LossKind::SoftmaxCrossEntropy,
                               LossKind::LogisticCrossEntropy, LossKind::NegativeLogLikelihood};

// Outputs are in (0.05, 1) for the losses that take logarithms of Y, and in
// (-3, 3) for the others. Targets are in [0, 1] and their rows do not sum
// to 1, so the general softmax cross-entropy gradient is exercised.
struct Batch
{
    Matrix<double> Y;
    Matrix<double> T;
};

Batch random_batch(unsigned seed, bool signed_outputs)
{
    std::mt19937 rng(seed);
    Batch batch;
    batch.Y = signed_outputs ? random_matrix<double>(4, 3, rng, -3, 3) : random_matrix<double>(4, 3, rng, 0.05, 1);
    batch.T = random_matrix<double>(4, 3, rng, 0, 1);
    return batch;
}

bool takes_signed_outputs(LossKind kind)
{
    return kind != LossKind::CrossEntropy && kind != LossKind::NegativeLogLikelihood;
}

// Per-example forms of section 6, for a row y and target t (1 x K).
double example_value(LossKind kind, const Matrix<double>& y, const Matrix<double>& t)
{
    switch (kind)
    {
    case LossKind::SquaredError:
    case LossKind::MeanSquaredError:
        return ((y - t) * (y - t).transpose())(0, 0);
    case LossKind::CrossEntropy:
        return -(t * nerva::log(y).transpose())(0, 0);
    case LossKind::SoftmaxCrossEntropy:
        return -(t * nerva::log_softmax(y).transpose())(0, 0);
    case LossKind::LogisticCrossEntropy:
        return -(t *
                 nerva::log(Matrix<double>(y.unaryExpr([](double v) { return nerva::sigmoid(v); }))).transpose())(0, 0);
    case LossKind::NegativeLogLikelihood:
        return -std::log((y * t.transpose())(0, 0));
    }
    return 0;
}

Matrix<double> example_gradient(LossKind kind, const Matrix<double>& y, const Matrix<double>& t)
{
    const Index K = y.cols();
    switch (kind)
    {
    case LossKind::SquaredError:
    case LossKind::MeanSquaredError:
        return 2 * (y - t);
    case LossKind::CrossEntropy:
        return -t.cwiseProduct(nerva::reciprocal(y));
    case LossKind::SoftmaxCrossEntropy:
        return (t * nerva::ones<double>(K)) * nerva::softmax(y) - t;
    case LossKind::LogisticCrossEntropy:
        return t.cwiseProduct(y.unaryExpr([](double v) { return nerva::sigmoid(v); })) - t;
    case LossKind::NegativeLogLikelihood:
        return -(1 / (y * t.transpose())(0, 0)) * t;
    }
    return {};
}

} // namespace

// Each gradient against central differences of its value, h = 1e-6,
// relative tolerance 1e-7.
TEST(LossFunctions, GradientsMatchFiniteDifferences)
{
    for (LossKind kind : all_losses)
    {
        Batch batch = random_batch(10 + static_cast<unsigned>(kind), takes_signed_outputs(kind));
        const Matrix<double> DY = nerva::loss_gradient(kind, batch.Y, batch.T);
        const Matrix<double> expected =
            finite_difference_gradient(batch.Y, [&] { return nerva::loss_value(kind, batch.Y, batch.T); });
        EXPECT_LT(max_relative_difference(DY, expected), 1e-7) << "loss kind " << static_cast<int>(kind);
    }
}

// The value of a batch is the sum of the per-example values, and the
// gradient of a batch stacks the per-example gradients. Mean squared error
// divides both by K N.
TEST(LossFunctions, MatrixFormsMatchPerExampleForms)
{
    for (LossKind kind : all_losses)
    {
        const Batch batch = random_batch(20 + static_cast<unsigned>(kind), takes_signed_outputs(kind));
        const double scale = kind == LossKind::MeanSquaredError ? 1.0 / double(batch.Y.size()) : 1.0;
        double value = 0;
        Matrix<double> gradient(batch.Y.rows(), batch.Y.cols());
        for (Index i = 0; i < batch.Y.rows(); ++i)
        {
            value += example_value(kind, batch.Y.row(i), batch.T.row(i));
            gradient.row(i) = example_gradient(kind, batch.Y.row(i), batch.T.row(i));
        }
        EXPECT_NEAR(nerva::loss_value(kind, batch.Y, batch.T), scale * value, 1e-12)
            << "loss kind " << static_cast<int>(kind);
        EXPECT_LT((nerva::loss_gradient(kind, batch.Y, batch.T) - scale * gradient).cwiseAbs().maxCoeff(), 1e-12)
            << "loss kind " << static_cast<int>(kind);
    }
}

TEST(LossFunctions, MeanSquaredErrorIsSquaredErrorOverKN)
{
    Matrix<double> Y(2, 3), T(2, 3);
    Y << 1, 2, 3, 4, 5, 6;
    T << 0, 2, 5, 4, 4, 6;
    EXPECT_EQ(nerva::squared_error(Y, T), 6.0);
    EXPECT_EQ(nerva::mean_squared_error(Y, T), 1.0);
    EXPECT_EQ(nerva::mean_squared_error_gradient(Y, T)(0, 2), 2.0 * -2 / 6);
}

TEST(LossFunctions, OneHotSoftmaxCrossEntropyGradient)
{
    std::mt19937 rng(5);
    const Matrix<double> Y = random_matrix<double>(3, 4, rng, -2, 2);
    Matrix<double> T = Matrix<double>::Zero(3, 4);
    T(0, 1) = T(1, 3) = T(2, 0) = 1;
    EXPECT_LT((nerva::softmax_cross_entropy_gradient(Y, T) - (nerva::softmax(Y) - T)).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(LossFunctions, SoftmaxCrossEntropyIsRightForLargeInputs)
{
    Matrix<double> Y(2, 3), T(2, 3);
    Y << 1000, -1000, 0, -1000, 1000, 1000;
    T << 0, 0, 1, 1, 0, 0;
    // Row 1 gives -log-softmax = 1000 and row 2 gives 2000 + log 2.
    EXPECT_DOUBLE_EQ(nerva::softmax_cross_entropy(Y, T), 1000 + 2000 + std::log(2.0));
    Matrix<double> expected(2, 3);
    expected << 1, 0, -1, -1, 0.5, 0.5;
    // e^-2000 underflows; Eigen's vectorized exp may return a subnormal instead of 0.
    EXPECT_LT((nerva::softmax_cross_entropy_gradient(Y, T) - expected).cwiseAbs().maxCoeff(), 1e-300);

    const Matrix<float> Yf = Y.cast<float>();
    const Matrix<float> Tf = T.cast<float>();
    EXPECT_FLOAT_EQ(nerva::softmax_cross_entropy(Yf, Tf), 3000 + std::log(2.0f));
    EXPECT_TRUE(nerva::softmax_cross_entropy_gradient(Yf, Tf).allFinite());
}

TEST(LossFunctions, LogisticCrossEntropyIsFiniteForLargeInputs)
{
    Matrix<double> Y(1, 2), T(1, 2);
    Y << -1000, 1000;
    T << 1, 1;
    EXPECT_EQ(nerva::logistic_cross_entropy(Y, T), 1000.0);
    Matrix<double> expected(1, 2);
    expected << -1, 0;
    EXPECT_EQ(nerva::logistic_cross_entropy_gradient(Y, T), expected);
}

// A zero probability where the target is positive gives +inf loss and a
// -inf gradient entry. Where the target is 0 it contributes nothing.
TEST(LossFunctions, ZeroProbabilityFollowsIeeeRules)
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    Matrix<double> Y(2, 2), T(2, 2);
    Y << 0.0, 1.0, 0.5, 0.5;
    T << 0.0, 1.0, 1.0, 0.0;
    EXPECT_EQ(nerva::cross_entropy(Y, T), std::log(2.0));
    EXPECT_EQ(nerva::cross_entropy_gradient(Y, T)(0, 0), 0.0);
    EXPECT_EQ(nerva::negative_log_likelihood(Y, T), std::log(2.0));
    EXPECT_EQ(nerva::negative_log_likelihood_gradient(Y, T)(0, 0), 0.0);

    T << 1.0, 0.0, 1.0, 0.0;
    EXPECT_EQ(nerva::cross_entropy(Y, T), inf);
    EXPECT_EQ(nerva::cross_entropy_gradient(Y, T)(0, 0), -inf);
    EXPECT_EQ(nerva::cross_entropy_gradient(Y, T)(0, 1), 0.0);
    EXPECT_EQ(nerva::negative_log_likelihood(Y, T), inf);
    EXPECT_EQ(nerva::negative_log_likelihood_gradient(Y, T)(0, 0), -inf);
    EXPECT_EQ(nerva::negative_log_likelihood_gradient(Y, T)(0, 1), 0.0);
    EXPECT_EQ(nerva::negative_log_likelihood_gradient(Y, T)(1, 0), -2.0);
}

TEST(LossFunctions, ShapesMustMatch)
{
    const Matrix<double> Y = Matrix<double>::Ones(2, 3);
    const Matrix<double> T = Matrix<double>::Ones(3, 2);
    for (LossKind kind : all_losses)
    {
        EXPECT_THROW(nerva::loss_value(kind, Y, T), nerva::Error);
        EXPECT_THROW(nerva::loss_gradient(kind, Y, T), nerva::Error);
    }
}
