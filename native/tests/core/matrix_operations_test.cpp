#include <gtest/gtest.h>
#include <limits>

#include "core/matrix_operations.h"

using nerva::Matrix;

namespace
{

// [[1, -2, 3], [-4, 5, 6]]
template <typename T>
Matrix<T> example()
{
    Matrix<T> X(2, 3);
    X << 1, -2, 3, -4, 5, 6;
    return X;
}

template <typename T>
Matrix<T> from(Eigen::Index rows, Eigen::Index cols, std::initializer_list<double> values)
{
    Matrix<T> A(rows, cols);
    Eigen::Index i = 0;
    for (double value : values)
    {
        A.data()[i++] = T(value);
    }
    return A;
}

template <typename T>
class MatrixOperations : public ::testing::Test
{
};

using ScalarTypes = ::testing::Types<float, double>;
TYPED_TEST_SUITE(MatrixOperations, ScalarTypes);

} // namespace

TYPED_TEST(MatrixOperations, ConstantMatricesHaveTheirShapes)
{
    using T = TypeParam;
    EXPECT_EQ(nerva::zeros<T>(3), (Matrix<T>::Zero(3, 1)));
    EXPECT_EQ(nerva::zeros<T>(2, 3), (Matrix<T>::Zero(2, 3)));
    EXPECT_EQ(nerva::ones<T>(3), (Matrix<T>::Ones(3, 1)));
    EXPECT_EQ(nerva::ones<T>(2, 3), (Matrix<T>::Ones(2, 3)));
    EXPECT_EQ(nerva::identity<T>(3), (from<T>(3, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1})));
}

TYPED_TEST(MatrixOperations, HadamardMultipliesElementwise)
{
    using T = TypeParam;
    const Matrix<T> X = example<T>();
    EXPECT_EQ(nerva::hadamard(X, X), (from<T>(2, 3, {1, 4, 9, 16, 25, 36})));
    EXPECT_THROW(nerva::hadamard(X, Matrix<T>(3, 2)), nerva::Error);
}

TYPED_TEST(MatrixOperations, DiagAndDiagAreInverse)
{
    using T = TypeParam;
    const Matrix<T> A = from<T>(2, 2, {1, 2, 3, 4});
    EXPECT_EQ(nerva::diag(A), (from<T>(2, 1, {1, 4})));
    EXPECT_EQ(nerva::Diag(from<T>(1, 2, {1, 4})), (from<T>(2, 2, {1, 0, 0, 4})));
    EXPECT_EQ(nerva::Diag(from<T>(2, 1, {1, 4})), (from<T>(2, 2, {1, 0, 0, 4})));
    EXPECT_THROW(nerva::Diag(A), nerva::Error);
}

TYPED_TEST(MatrixOperations, SumsMaximaAndMeansFollowTheirAxes)
{
    using T = TypeParam;
    const Matrix<T> X = example<T>();
    EXPECT_EQ(nerva::elements_sum(X), T(9));
    EXPECT_EQ(nerva::columns_sum(X), (from<T>(1, 3, {-3, 3, 9})));
    EXPECT_EQ(nerva::rows_sum(X), (from<T>(2, 1, {2, 7})));
    EXPECT_EQ(nerva::columns_max(X), (from<T>(1, 3, {1, 5, 6})));
    EXPECT_EQ(nerva::rows_max(X), (from<T>(2, 1, {3, 6})));
    EXPECT_EQ(nerva::columns_mean(X), (from<T>(1, 3, {-1.5, 1.5, 4.5})));
    EXPECT_EQ(nerva::rows_mean(from<T>(2, 2, {1, 2, 3, 6})), (from<T>(2, 1, {1.5, 4.5})));
}

TYPED_TEST(MatrixOperations, RepeatCopiesVectors)
{
    using T = TypeParam;
    EXPECT_EQ(nerva::column_repeat(from<T>(2, 1, {1, 2}), 3), (from<T>(2, 3, {1, 1, 1, 2, 2, 2})));
    EXPECT_EQ(nerva::row_repeat(from<T>(1, 2, {1, 2}), 3), (from<T>(3, 2, {1, 2, 1, 2, 1, 2})));
    EXPECT_THROW(nerva::column_repeat(from<T>(1, 2, {1, 2}), 3), nerva::Error);
    EXPECT_THROW(nerva::row_repeat(from<T>(2, 1, {1, 2}), 3), nerva::Error);
}

TYPED_TEST(MatrixOperations, ElementwiseFunctionsMatchScalars)
{
    using T = TypeParam;
    const Matrix<T> X = from<T>(1, 3, {0.5, 1, 4});
    EXPECT_EQ(nerva::apply([](T x) { return 2 * x; }, X), (from<T>(1, 3, {1, 2, 8})));
    // Eigen's vectorized exp and log may differ from std:: by a few ulps.
    const T ulps = 4 * std::numeric_limits<T>::epsilon();
    EXPECT_NEAR(nerva::exp(X)(0, 1), std::exp(T(1)), ulps * std::exp(T(1)));
    EXPECT_NEAR(nerva::log(X)(0, 2), std::log(T(4)), ulps * std::log(T(4)));
    EXPECT_EQ(nerva::reciprocal(X), (from<T>(1, 3, {2, 1, 0.25})));
    EXPECT_EQ(nerva::sqrt(X)(0, 2), T(2));
    EXPECT_EQ(nerva::inv_sqrt(X, T(0.25))(0, 0), T(1) / std::sqrt(T(0.75)));
    EXPECT_EQ(nerva::inv_sqrt(Matrix<T>(Matrix<T>::Zero(1, 1)), T(0.25))(0, 0), T(2));
}

TYPED_TEST(MatrixOperations, InvSqrtRejectsEpsilonOutsideDomain)
{
    using T = TypeParam;
    const Matrix<T> X = Matrix<T>::Ones(1, 1);
    EXPECT_THROW(nerva::inv_sqrt(X, T(0)), nerva::Error);
    EXPECT_THROW(nerva::inv_sqrt(X, T(-1)), nerva::Error);
    EXPECT_THROW(nerva::inv_sqrt(X, std::numeric_limits<T>::quiet_NaN()), nerva::Error);
}

TYPED_TEST(MatrixOperations, LogSigmoidIsStableForLargeInputs)
{
    using T = TypeParam;
    const Matrix<T> X = from<T>(1, 5, {-1000, -2, 0, 2, 1000});
    const Matrix<T> Y = nerva::log_sigmoid(X);
    EXPECT_EQ(Y(0, 0), T(-1000));
    EXPECT_NEAR(Y(0, 1), std::log(T(1) / (T(1) + std::exp(T(2)))), 1e-6);
    EXPECT_NEAR(Y(0, 2), -std::log(T(2)), 1e-7);
    EXPECT_NEAR(Y(0, 3), std::log(T(1) / (T(1) + std::exp(T(-2)))), 1e-6);
    EXPECT_EQ(Y(0, 4), T(0));
}
