#include <gtest/gtest.h>

#include "core/softmax_functions.h"
#include "test_utilities.h"

using nerva::Index;
using nerva::Matrix;
using nerva::testing::random_matrix;

namespace
{

// The D x D Jacobian J_ij = ∂f_i / ∂x_j of a row function f at x (1 x D),
// by central differences.
template <typename Function>
Matrix<double> finite_difference_jacobian(Function f, const Matrix<double>& x, double h = 1e-6)
{
    const Index D = x.cols();
    Matrix<double> J(D, D);
    for (Index j = 0; j < D; ++j)
    {
        Matrix<double> plus = x;
        Matrix<double> minus = x;
        plus(0, j) += h;
        minus(0, j) -= h;
        const Matrix<double> column = (f(plus) - f(minus)) / (2 * h);
        J.col(j) = column.transpose();
    }
    return J;
}

} // namespace

TEST(SoftmaxFunctions, RowsOfSoftmaxSumToOne)
{
    std::mt19937 rng(1);
    const Matrix<double> X = random_matrix<double>(4, 5, rng, -3, 3);
    const Matrix<double> Y = nerva::softmax(X);
    for (Index i = 0; i < Y.rows(); ++i)
    {
        EXPECT_NEAR(Y.row(i).sum(), 1.0, 1e-15);
        EXPECT_GT(Y.row(i).minCoeff(), 0.0);
    }
    EXPECT_NEAR(Y(2, 3), std::exp(X(2, 3)) / X.row(2).array().exp().sum(), 1e-15);
}

TEST(SoftmaxFunctions, StableAndPlainFormsAgreeOnModerateInputs)
{
    std::mt19937 rng(2);
    const Matrix<double> X = random_matrix<double>(6, 4, rng, -10, 10);
    EXPECT_LT((nerva::softmax(X) - nerva::stable_softmax(X)).cwiseAbs().maxCoeff(), 1e-15);
    EXPECT_LT((nerva::log_softmax(X) - nerva::stable_log_softmax(X)).cwiseAbs().maxCoeff(), 1e-13);
    EXPECT_LT((nerva::log_softmax(X) - nerva::log(nerva::softmax(X))).cwiseAbs().maxCoeff(), 1e-13);

    const Matrix<float> Xf = X.cast<float>();
    EXPECT_LT((nerva::softmax(Xf) - nerva::stable_softmax(Xf)).cwiseAbs().maxCoeff(), 1e-6f);
    EXPECT_LT((nerva::log_softmax(Xf) - nerva::stable_log_softmax(Xf)).cwiseAbs().maxCoeff(), 1e-5f);
}

TEST(SoftmaxFunctions, StableFormsAreFiniteForLargeInputs)
{
    Matrix<double> X(2, 3);
    X << 1000, 0, -1000, -1000, -1000, -1000;
    const Matrix<double> Y = nerva::stable_softmax(X);
    EXPECT_TRUE(Y.allFinite());
    EXPECT_EQ(Y(0, 0), 1.0);
    // e^-2000 underflows; Eigen's vectorized exp may return a subnormal instead of 0.
    EXPECT_LT(Y(0, 2), 1e-300);
    EXPECT_NEAR(Y(1, 1), 1.0 / 3, 1e-15);

    const Matrix<double> L = nerva::stable_log_softmax(X);
    EXPECT_TRUE(L.allFinite());
    EXPECT_EQ(L(0, 0), 0.0);
    EXPECT_EQ(L(0, 1), -1000.0);
    EXPECT_EQ(L(0, 2), -2000.0);
    EXPECT_NEAR(L(1, 0), -std::log(3.0), 1e-15);

    const Matrix<float> Lf = nerva::stable_log_softmax(Matrix<float>(X.cast<float>()));
    EXPECT_TRUE(Lf.allFinite());
    EXPECT_EQ(Lf(0, 2), -2000.0f);

    EXPECT_FALSE(nerva::softmax(X).allFinite()) << "the plain form is expected to overflow at 1000";
}

TEST(SoftmaxFunctions, SoftmaxJacobianMatchesFiniteDifferences)
{
    std::mt19937 rng(3);
    const Matrix<double> x = random_matrix<double>(1, 5, rng, -2, 2);
    const Matrix<double> J = nerva::softmax_jacobian(x);
    const Matrix<double> expected =
        finite_difference_jacobian([](const Matrix<double>& v) { return nerva::softmax(v); }, x);
    EXPECT_LT((J - expected).cwiseAbs().maxCoeff(), 1e-9);
}

TEST(SoftmaxFunctions, LogSoftmaxJacobianMatchesFiniteDifferences)
{
    std::mt19937 rng(4);
    const Matrix<double> x = random_matrix<double>(1, 5, rng, -2, 2);
    const Matrix<double> J = nerva::log_softmax_jacobian(x);
    const Matrix<double> expected =
        finite_difference_jacobian([](const Matrix<double>& v) { return nerva::log_softmax(v); }, x);
    EXPECT_LT((J - expected).cwiseAbs().maxCoeff(), 1e-9);

    // Row i is e_i - softmax(x), so the Jacobian is not symmetric.
    const Matrix<double> s = nerva::softmax(x);
    EXPECT_DOUBLE_EQ(J(0, 1), -s(0, 1));
    EXPECT_DOUBLE_EQ(J(1, 0), -s(0, 0));
}

TEST(SoftmaxFunctions, JacobiansRejectMatricesWithSeveralRows)
{
    const Matrix<double> X = Matrix<double>::Zero(2, 3);
    EXPECT_THROW(nerva::softmax_jacobian(X), nerva::Error);
    EXPECT_THROW(nerva::log_softmax_jacobian(X), nerva::Error);
}
